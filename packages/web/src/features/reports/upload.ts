import { api, isApiError } from '../../app/api-client';
import type { MediaItem, UploadSession } from './types';

// Resumable upload for phones on a weak connection: the file goes in chunks; a dropped chunk is
// retried after asking the server how far it got; a page reloaded mid-upload resumes when the
// same file is chosen again (the session is remembered by the file's name, size and date).

const RETRIES = 8;
const remembered = (reportId: number, file: File) => `tuijin.upload.${reportId}.${file.name}.${file.size}.${file.lastModified}`;

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('aborted', 'AbortError')); }, { once: true });
  });

/** Network trouble and server restarts are worth another try; a refusal of the file is not. */
function isRetryable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500 || error.status === 429);
}

async function withRetries<T>(work: () => Promise<T>, signal: AbortSignal | undefined, onRetry?: () => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (signal?.aborted || attempt >= RETRIES || !isRetryable(error)) throw error;
      await wait(Math.min(30_000, 500 * 2 ** attempt), signal);
      await onRetry?.().catch(() => undefined);
    }
  }
}

async function openSession(reportId: number, file: File, meta: { caption?: string | null; shootingPointId?: number | null }): Promise<UploadSession> {
  const key = remembered(reportId, file);
  const known = localStorage.getItem(key);
  if (known) {
    try {
      const session = await api.get<UploadSession>(`/uploads/${known}`);
      if (session.status === 'receiving' && session.size === file.size) return session;
    } catch {
      // gone or expired: start afresh
    }
    localStorage.removeItem(key);
  }
  const session = await api.post<UploadSession>(`/reports/${reportId}/uploads`, { filename: file.name, size: file.size, caption: meta.caption ?? null, shootingPointId: meta.shootingPointId ?? null });
  localStorage.setItem(key, session.id);
  return session;
}

export interface UploadOptions {
  caption?: string | null;
  shootingPointId?: number | null;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

export async function uploadFile(reportId: number, file: File, options: UploadOptions = {}): Promise<MediaItem> {
  const { signal, onProgress } = options;
  const session = await withRetries(() => openSession(reportId, file, options), signal);
  let received = session.received;
  const resync = async () => {
    received = (await api.get<UploadSession>(`/uploads/${session.id}`)).received;
  };
  onProgress?.(received, file.size);
  while (received < file.size) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    await withRetries(async () => {
      try {
        const next = await api.putRaw<UploadSession>(`/uploads/${session.id}/chunks`, file.slice(received, Math.min(file.size, received + session.chunkSize)), { offset: received });
        received = next.received;
      } catch (error) {
        // The server already has a different offset (a chunk whose answer was lost): go on from there.
        const details = isApiError(error, 'conflict') ? (error.details as { received?: number; status?: string } | null) : null;
        if (typeof details?.received === 'number' && details.status === 'receiving') {
          received = details.received;
          return;
        }
        throw error;
      }
    }, signal, resync);
    onProgress?.(received, file.size);
  }
  const media = await withRetries(() => api.post<MediaItem>(`/uploads/${session.id}/complete`), signal);
  localStorage.removeItem(remembered(reportId, file));
  return media;
}

/** Gives up on an upload the user cancelled (its chunks are removed on the server). */
export async function abandonUpload(reportId: number, file: File): Promise<void> {
  const key = remembered(reportId, file);
  const id = localStorage.getItem(key);
  localStorage.removeItem(key);
  if (id) await api.delete(`/uploads/${id}`).catch(() => undefined);
}
