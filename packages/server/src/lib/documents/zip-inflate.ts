import { createInflateRaw } from 'node:zlib';
import { AppError } from '../errors';
import { damaged, inflatesTooMuch } from './reader-errors';
import type { ZipEntry } from './zip-guard';

// Inflates one inspected entry as a stream, chunk by chunk, so that nothing larger than a chunk
// is held here. The declared size is a promise the file makes; a lying one (the classic bomb:
// "1 KB" that inflates to gigabytes) is caught the moment the output passes it, and inflating
// stops there — so the work done is bounded by the declared sizes inspectZip already capped.

const CHUNK = 64 * 1024;

export async function inflateEntry(
  buf: Buffer,
  entry: ZipEntry,
  maxInflatedBytes: number,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) onChunk(data.subarray(at, at + CHUNK));
    return;
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw inflatesTooMuch(maxInflatedBytes, 'inflated_size');
      onChunk(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged('inflate_failed');
  } finally {
    inflater.destroy();
  }
  if (total !== entry.uncompressedSize) throw damaged('inflated_size_mismatch');
}

/** A whole (small) part as text. */
export async function inflateText(buf: Buffer, entry: ZipEntry, maxInflatedBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  await inflateEntry(buf, entry, maxInflatedBytes, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
