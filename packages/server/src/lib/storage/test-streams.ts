import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError } from '../errors';

// Byte sources and sinks for the storage tests.

export const MB = 1024 * 1024;

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** `total` random bytes in 64 KB chunks, made as they are read (never held whole); `hash()` is their SHA-256 once read. */
export function randomStream(total: number): { stream: Readable; hash: () => string } {
  const hasher = createHash('sha256');
  let digest: string | null = null;
  async function* chunks() {
    for (let sent = 0; sent < total; ) {
      const chunk = randomBytes(Math.min(64 * 1024, total - sent));
      hasher.update(chunk);
      sent += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks()), hash: () => (digest ??= hasher.digest('hex')) };
}

/** Sends `bytes` then fails, as an upload does when the phone loses its signal. */
export function failingStream(bytes: number, error = new Error('客户端连接中断')): Readable {
  async function* chunks() {
    for (let sent = 0; sent < bytes; sent += 64 * 1024) yield Buffer.alloc(Math.min(64 * 1024, bytes - sent), 7);
    throw error;
  }
  return Readable.from(chunks());
}

/** The AppError a call ends in (fails the test if it succeeds or throws something else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
