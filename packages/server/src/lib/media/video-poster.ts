import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

// A poster frame for a video, when ffmpeg is installed (it is optional: without it a video is
// stored and shown with a generic icon). ffmpeg runs without a shell, with the demuxer forced
// to mov/mp4 (the file was sniffed as ISO-BMFF; this stops ffmpeg from probing it as an HLS
// playlist or concat script, which could make it open other files or URLs), with only the
// file protocol allowed, and is killed after 20 s.

const POSTER_LONG_EDGE = 1280;
const TIMEOUT_MS = 20_000;
const MAX_POSTER_BYTES = 8 * 1024 * 1024;

let cached: { key: string; path: string | null } | null = null;

/** The ffmpeg to use: env TUIJIN_FFMPEG (a path, or "" / "off" to disable), else `ffmpeg` on PATH; cached. */
export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string | null {
  const key = `${env.TUIJIN_FFMPEG ?? ''}\0${env.PATH ?? ''}`;
  if (cached?.key === key) return cached.path;
  cached = { key, path: locate(env) };
  return cached.path;
}

function locate(env: NodeJS.ProcessEnv): string | null {
  const configured = env.TUIJIN_FFMPEG;
  if (configured !== undefined) {
    if (configured === '' || configured === 'off') return null;
    return isAbsolute(configured) && isExecutable(configured) ? configured : null;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue; // a relative PATH entry would depend on the working directory
    const candidate = join(dir, process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One JPEG frame at min(1 s, half the duration), long edge ≤ 1280; null on any failure. */
export async function makePoster(file: string, durationSeconds: number | null, ffmpegPath: string | null): Promise<Buffer | null> {
  if (!ffmpegPath) return null;
  const at = Math.max(0, Math.min(1, (durationSeconds ?? 2) / 2));
  const fit = `'min(${POSTER_LONG_EDGE},iw)':'min(${POSTER_LONG_EDGE},ih)':force_original_aspect_ratio=decrease`;
  const args = [
    '-nostdin', '-v', 'error', '-hide_banner',
    '-protocol_whitelist', 'file', '-f', 'mov',
    '-ss', at.toFixed(3), '-i', `file:${file}`,
    '-frames:v', '1', '-an', '-sn', '-dn', '-map_metadata', '-1',
    '-vf', `scale=${fit}`, '-q:v', '4', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1',
  ];
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'ignore'], shell: false, windowsHide: true });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (result: Buffer | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(result);
    };
    const timer = setTimeout(() => finish(null), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_POSTER_BYTES) finish(null);
      else chunks.push(chunk);
    });
    child.on('error', () => finish(null));
    child.on('close', (code) => {
      const jpeg = Buffer.concat(chunks);
      finish(code === 0 && jpeg.length > 3 && jpeg[0] === 0xff && jpeg[1] === 0xd8 ? jpeg : null);
    });
  });
}
