import { api, API_BASE, ApiError, isApiError, toApiError } from '../../app/api-client';
import type { MediaItem, UploadSession } from './types';

// Resumable upload for phones on a weak connection: the file goes in chunks; a dropped chunk is
// retried after asking the server how far it got; a page reloaded mid-upload resumes when the
// same file is chosen again (the session is remembered by the file's name, size and date).

const RETRIES = 8;

/**
 * Where a file goes: a report's id (its `/reports/:id/uploads`), or the upload path of any other
 * evidence target (`/site-visits/12/uploads`, `/findings/3/uploads`) — one protocol for all.
 */
export type UploadTarget = number | string;
const uploadPath = (target: UploadTarget) => (typeof target === 'number' ? `/reports/${target}/uploads` : target);
const remembered = (target: UploadTarget, file: File) => `tuijin.upload.${typeof target === 'number' ? target : target.replace(/[^\w-]+/g, '_')}.${file.name}.${file.size}.${file.lastModified}`;
const aborted = () => new DOMException('aborted', 'AbortError');

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => { clearTimeout(timer); reject(aborted()); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Resolves when the browser says it is online again (a phone walking back into coverage). */
const online = (signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (navigator.onLine) return resolve();
    const done = () => { window.removeEventListener('online', done); signal?.removeEventListener('abort', onAbort); resolve(); };
    const onAbort = () => { window.removeEventListener('online', done); reject(aborted()); };
    window.addEventListener('online', done);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Network trouble and server restarts are worth another try; a refusal of the file is not. */
function isRetryable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408);
}

export type Stall = 'offline' | 'retry';

async function withRetries<T>(work: () => Promise<T>, signal: AbortSignal | undefined, onRetry?: () => Promise<void>, onWaiting?: (why: Stall) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (signal?.aborted) throw aborted();
      if (attempt >= RETRIES || !isRetryable(error)) throw error;
      onWaiting?.(navigator.onLine ? 'retry' : 'offline');
      // Offline time does not use up attempts: the upload goes on when the signal comes back.
      if (!navigator.onLine) {
        await online(signal);
        attempt = Math.max(0, attempt - 1);
      } else {
        await wait(Math.min(30_000, 500 * 2 ** attempt), signal);
      }
      await onRetry?.().catch(() => undefined);
    }
  }
}

async function openSession(target: UploadTarget, file: File, meta: { caption?: string | null; shootingPointId?: number | null }): Promise<UploadSession> {
  const key = remembered(target, file);
  const known = localStorage.getItem(key);
  if (known) {
    try {
      const session = await api.get<UploadSession>(`/uploads/${known}`);
      const isLive = session.size === file.size && new Date(session.expiresAt).getTime() > Date.now();
      // 'done' or 'processing': the file arrived before the answer was lost; completing returns it.
      if (isLive && ['receiving', 'processing', 'done'].includes(session.status)) return session;
    } catch {
      // gone: start afresh
    }
    localStorage.removeItem(key);
  }
  const session = await api.post<UploadSession>(uploadPath(target), { filename: file.name, size: file.size, caption: meta.caption ?? null, shootingPointId: meta.shootingPointId ?? null });
  localStorage.setItem(key, session.id);
  return session;
}

/**
 * One chunk by XMLHttpRequest rather than fetch: fetch cannot report upload progress, and on a
 * slow line a 4 MB chunk takes long enough that a bar standing still looks like a hang. It can
 * also be stopped mid-chunk when the person cancels.
 */
function sendChunk(sessionId: string, chunk: Blob, offset: number, signal: AbortSignal | undefined, onSent: (bytes: number) => void): Promise<UploadSession> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    xhr.open('PUT', `${API_BASE}/uploads/${sessionId}/chunks?offset=${offset}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-Requested-With', 'tuijin');
    xhr.upload.onprogress = (e) => onSent(e.loaded);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // not JSON: the status decides the message
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadSession);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(aborted());
    xhr.onloadend = () => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(chunk);
  });
}

export interface UploadOptions {
  caption?: string | null;
  shootingPointId?: number | null;
  onProgress?: (sent: number, total: number) => void;
  /** Called when a try failed for the network and another will follow (after the signal is back, when offline). */
  onRetrying?: (why: Stall) => void;
  signal?: AbortSignal;
}

export async function uploadFile(target: UploadTarget, file: File, options: UploadOptions = {}): Promise<MediaItem> {
  const { signal, onProgress, onRetrying } = options;
  const session = await withRetries(() => openSession(target, file, options), signal, undefined, onRetrying);
  let received = session.status === 'receiving' ? session.received : file.size;
  const resync = async () => {
    const now = await api.get<UploadSession>(`/uploads/${session.id}`);
    received = now.status === 'receiving' ? now.received : file.size;
  };
  onProgress?.(received, file.size);
  while (received < file.size) {
    if (signal?.aborted) throw aborted();
    await withRetries(async () => {
      try {
        const from = received;
        const next = await sendChunk(session.id, file.slice(from, Math.min(file.size, from + session.chunkSize)), from, signal, (bytes) => onProgress?.(from + bytes, file.size));
        received = next.received;
      } catch (error) {
        // The server already has a different offset (a chunk whose answer was lost): go on from there.
        const details = isApiError(error, 'conflict') ? (error.details as { received?: number; status?: string } | null) : null;
        if (typeof details?.received === 'number' && details.status === 'receiving') {
          received = details.received;
          return;
        }
        if (details?.status === 'expired') localStorage.removeItem(remembered(target, file));
        throw error;
      }
    }, signal, resync, onRetrying);
    onProgress?.(received, file.size);
  }
  let media: MediaItem;
  try {
    media = await withRetries(() => complete(session.id, signal), signal, undefined, onRetrying);
  } catch (error) {
    localStorage.removeItem(remembered(target, file));
    // A session finished earlier whose photo has been deleted since: send the file anew.
    if (session.status === 'done' && isApiError(error, 'not_found')) return uploadFile(target, file, options);
    throw error;
  }
  localStorage.removeItem(remembered(target, file));
  return media;
}

/**
 * 完成: a retry after a lost answer finds the server still making the thumbnails (409 while
 * 'processing'); that is waited out, not shown as a failure.
 */
async function complete(sessionId: string, signal: AbortSignal | undefined): Promise<MediaItem> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.post<MediaItem>(`/uploads/${sessionId}/complete`);
    } catch (error) {
      if (!isApiError(error, 'conflict') || attempt >= 60) throw error;
      const session = await api.get<UploadSession>(`/uploads/${sessionId}`);
      if (session.status !== 'processing' && session.status !== 'done') throw error;
      await wait(2000, signal);
    }
  }
}

/** Gives up on an upload the user cancelled (its chunks are removed on the server). */
export async function abandonUpload(target: UploadTarget, file: File): Promise<void> {
  const key = remembered(target, file);
  const id = localStorage.getItem(key);
  localStorage.removeItem(key);
  if (id) await api.delete(`/uploads/${id}`).catch(() => undefined);
}
