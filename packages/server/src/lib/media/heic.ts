import { Worker } from 'node:worker_threads';
import { damagedPhoto, tooManyPixels } from './media-errors';

// HEVC HEIC decoding (iPhones, and Android phones set to "高效" format), which sharp's prebuilt
// libvips cannot do (its libheif carries only the AV1 decoder, for AVIF). One worker thread,
// started on first use and stopped after a quiet minute, because its WebAssembly heap grows to
// the largest photo decoded (≈ 100 MB for 12 MP) and never shrinks. Requests queue in the worker,
// so at most one HEIC is decoded at a time per process, which also bounds that memory.

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

interface Pending {
  maxPixels: number;
  resolve: (value: DecodedHeic) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const IDLE_MS = 60_000;
// Far above the ≈ 1 s a 12 MP photo takes, and short enough that a decoder stuck on a
// hostile file does not hold the queue for long.
const DECODE_TIMEOUT_MS = 30_000;

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

export function decodeHeic(data: Buffer, maxPixels: number): Promise<DecodedHeic> {
  const w = ensureWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(damagedPhoto('heic_timeout'));
      pending.delete(id);
      void stopWorker(w); // the stuck decode cannot be interrupted otherwise
    }, DECODE_TIMEOUT_MS);
    pending.set(id, { maxPixels, resolve, reject, timer });
    // A copy in a fresh ArrayBuffer, transferred: `data` may share a pooled buffer.
    const copy = new Uint8Array(data).buffer;
    w.postMessage({ id, data: copy, maxPixels }, [copy]);
  });
}

function ensureWorker(): Worker {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (worker) {
    worker.ref();
    return worker;
  }
  const w = new Worker(new URL('./heic-worker.mjs', import.meta.url));
  w.on('message', (reply: Reply) => settle(w, reply));
  w.on('error', () => failAll(w, 'heic_worker'));
  w.on('exit', () => failAll(w, 'heic_worker_exit'));
  worker = w;
  return w;
}

function settle(w: Worker, reply: Reply) {
  const p = pending.get(reply.id);
  if (!p) return;
  pending.delete(reply.id);
  clearTimeout(p.timer);
  if (reply.ok) p.resolve({ width: reply.width, height: reply.height, channels: reply.channels, pixels: Buffer.from(reply.pixels) });
  else if (reply.reason === 'pixels') p.reject(tooManyPixels(reply.width ?? 0, reply.height ?? 0, p.maxPixels));
  else p.reject(damagedPhoto(reply.reason));
  if (pending.size === 0) scheduleIdleStop(w);
}

// An idle worker must not keep a CLI or test process alive.
function scheduleIdleStop(w: Worker) {
  w.unref();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void stopWorker(w), IDLE_MS);
  idleTimer.unref();
}

function failAll(w: Worker, reason: string) {
  if (worker !== w) return;
  worker = null;
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.reject(damagedPhoto(reason));
    pending.delete(id);
  }
}

async function stopWorker(w: Worker) {
  failAll(w, 'heic_worker_stopped');
  await w.terminate();
}

/** Stops the decoder thread now (tests, shutdown). */
export async function closeHeicDecoder(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (worker) await stopWorker(worker);
}
