import { Worker } from 'node:worker_threads';
import { damagedPhoto, tooManyPixels } from './media-errors';

// HEVC HEIC decoding (iPhones, and Android phones set to "高效" format), which sharp's prebuilt
// libvips cannot do (its libheif carries only the AV1 decoder, for AVIF). One worker thread,
// started on first use and stopped after a quiet minute, because its WebAssembly heap grows to
// the largest photo decoded (≈ 100 MB for 12 MP) and never shrinks. Photos are handed to it one
// at a time from a queue here, which bounds that memory and lets each decode have its own
// time limit (a queue wait is not a stuck decoder).

export interface DecodedHeic {
  width: number;
  height: number;
  channels: 3 | 4;
  /** Interleaved 8-bit RGB(A), orientation already applied by libheif (irot/imir). */
  pixels: Buffer;
}

type Reply =
  | { id: number; ok: true; width: number; height: number; channels: 3 | 4; pixels: ArrayBuffer }
  | { id: number; ok: false; reason: string; width?: number; height?: number; message?: string };

interface Job {
  id: number;
  data: Buffer;
  maxPixels: number;
  resolve: (value: DecodedHeic) => void;
  reject: (error: Error) => void;
}

const IDLE_MS = 60_000;
// Far above the ≈ 1 s a 12 MP photo takes, and short enough that a decoder stuck on a
// hostile file does not hold the queue for long.
const DECODE_TIMEOUT_MS = 30_000;

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
const queue: Job[] = [];
let running: { job: Job; timer: NodeJS.Timeout } | null = null;

export function decodeHeic(data: Buffer, maxPixels: number): Promise<DecodedHeic> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, data, maxPixels, resolve, reject });
    pump();
  });
}

function pump() {
  if (running || queue.length === 0) return;
  const job = queue.shift()!;
  const w = ensureWorker();
  const timer = setTimeout(() => {
    // A stuck decode cannot be interrupted: drop this worker (the next job starts a new one).
    if (worker === w) worker = null;
    void w.terminate();
    finish(job.id, damagedPhoto('heic_timeout'));
  }, DECODE_TIMEOUT_MS);
  running = { job, timer };
  // A copy in a fresh ArrayBuffer, transferred: `data` may share a pooled buffer.
  const copy = new Uint8Array(job.data).buffer;
  w.postMessage({ id: job.id, data: copy, maxPixels: job.maxPixels }, [copy]);
}

function ensureWorker(): Worker {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (worker) {
    worker.ref();
    return worker;
  }
  const w = new Worker(new URL('./heic-worker.mjs', import.meta.url));
  w.on('message', (reply: Reply) => onReply(reply));
  w.on('error', () => onGone(w));
  w.on('exit', () => onGone(w));
  worker = w;
  return w;
}

function onReply(reply: Reply) {
  const job = running?.job;
  if (!job || job.id !== reply.id) return;
  if (reply.ok) finish(job.id, { width: reply.width, height: reply.height, channels: reply.channels, pixels: Buffer.from(reply.pixels) });
  else if (reply.reason === 'pixels') finish(job.id, tooManyPixels(reply.width ?? 0, reply.height ?? 0, job.maxPixels));
  else finish(job.id, damagedPhoto(reply.reason));
}

/** The worker died (a WebAssembly trap, a timeout, termination): the photo in it fails, the queue goes on. */
function onGone(w: Worker) {
  if (worker !== w) return;
  worker = null;
  if (running) finish(running.job.id, damagedPhoto('heic_worker_exit'));
}

function finish(id: number, outcome: DecodedHeic | Error) {
  if (!running || running.job.id !== id) return;
  const { job, timer } = running;
  clearTimeout(timer);
  running = null;
  if (outcome instanceof Error) job.reject(outcome);
  else job.resolve(outcome);
  if (queue.length) pump();
  else if (worker) scheduleIdleStop(worker);
}

// An idle worker must not keep a CLI or test process alive.
function scheduleIdleStop(w: Worker) {
  w.unref();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === w && !running) {
      worker = null;
      void w.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

/** Stops the decoder thread now (tests, shutdown); queued photos fail. */
export async function closeHeicDecoder(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  for (const job of queue.splice(0)) job.reject(damagedPhoto('heic_decoder_closed'));
  const w = worker;
  worker = null;
  if (running) finish(running.job.id, damagedPhoto('heic_decoder_closed'));
  if (w) await w.terminate();
}
