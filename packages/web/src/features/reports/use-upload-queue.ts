import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../app/api-client';
import { abandonUpload, isAbortError, uploadFile, type Stall, type UploadTarget } from './upload';
import type { MediaItem, ReportDetail } from './types';

// The files a person picked for the report, sent as soon as they are picked (two at a time)
// with the shooting point chosen above the buttons; caption and point can be changed on the
// photo afterwards. A file stays listed with the server's reason when it is refused.

const PARALLEL = 2;
/** How long a finished row stays to say 「已上传」 before the grid shows the photo instead. */
const DONE_LINGER_MS = 1500;

export type QueueStatus = 'waiting' | 'uploading' | 'done' | 'failed';

export interface QueuedFile {
  key: string;
  file: File;
  kind: 'photo' | 'video' | null;
  preview: string | null;
  pointId: number | null;
  status: QueueStatus;
  sent: number;
  /** Why the transfer stands still: no network, or another try is coming. */
  stall: Stall | null;
  error: string | null;
  /** False when the server refused the file itself (type, size, content): sending it again will not help. */
  canRetry: boolean;
}

const VIDEO_EXT = /\.(mp4|mov|m4v|3gp)$/i;
const PHOTO_EXT = /\.(jpe?g|png|webp|heic|heif)$/i;

function kindOf(file: File): QueuedFile['kind'] {
  if (file.type.startsWith('video/') || VIDEO_EXT.test(file.name)) return 'video';
  if (file.type.startsWith('image/') || PHOTO_EXT.test(file.name)) return 'photo';
  return null;
}

/** Refuses at once what the server would refuse by size, so nothing is sent in vain on a slow line. */
function tooLarge(file: File, kind: QueuedFile['kind'], settings: UploadLimits): string | null {
  if (!kind) return null;
  const limit = kind === 'photo' ? settings.maxImageMb : settings.maxVideoMb;
  if (file.size <= limit * 1024 * 1024) return null;
  return `文件过大（${(file.size / 1048576).toFixed(1)} MB），${kind === 'photo' ? '照片' : '视频'}不能超过 ${limit} MB`;
}

let counter = 0;

/** The size limits a queue refuses by before sending (a report's settings, or a finding's or visit's). */
export type UploadLimits = Pick<ReportDetail['settings'], 'maxImageMb' | 'maxVideoMb'>;

/** `target`: a report's id, or another target's upload path (see upload.ts). */
export function useUploadQueue(target: UploadTarget, settings: UploadLimits, onUploaded: (media: MediaItem) => void) {
  const [items, setItems] = useState<QueuedFile[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const started = useRef(new Set<string>());
  const uploaded = useRef(onUploaded);
  uploaded.current = onUploaded;

  const patch = useCallback((key: string, change: Partial<QueuedFile>) => {
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }, []);

  const drop = useCallback((key: string) => {
    setItems((all) => {
      const gone = all.find((i) => i.key === key);
      if (gone?.preview) URL.revokeObjectURL(gone.preview);
      return all.filter((i) => i.key !== key);
    });
    started.current.delete(key);
  }, []);

  const run = useCallback(async (item: QueuedFile) => {
    const controller = new AbortController();
    controllers.current.set(item.key, controller);
    patch(item.key, { status: 'uploading', sent: 0, error: null, stall: null });
    try {
      const media = await uploadFile(target, item.file, {
        shootingPointId: item.pointId,
        signal: controller.signal,
        onProgress: (sent) => patch(item.key, { sent, stall: null }),
        onRetrying: (why) => patch(item.key, { stall: why }),
      });
      patch(item.key, { status: 'done', sent: item.file.size });
      uploaded.current(media);
      setTimeout(() => drop(item.key), DONE_LINGER_MS);
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) return;
      started.current.delete(item.key);
      const canRetry = !isApiError(error) || error.status === 0 || error.status >= 500 || error.code === 'conflict';
      patch(item.key, { status: 'failed', error: errorMessage(error), stall: null, canRetry });
    } finally {
      controllers.current.delete(item.key);
    }
  }, [drop, patch, target]);

  // Two at a time: whenever a slot is free, the next waiting file goes.
  useEffect(() => {
    let busy = items.filter((i) => i.status === 'uploading').length;
    for (const item of items) {
      if (busy >= PARALLEL) break;
      if (item.status !== 'waiting' || started.current.has(item.key)) continue;
      started.current.add(item.key);
      busy++;
      void run(item);
    }
  }, [items, run]);

  // Leaving the page stops the transfers (they resume if the same files are picked again).
  useEffect(() => () => {
    for (const c of controllers.current.values()) c.abort();
  }, []);

  const add = (files: File[], pointId: number | null) => {
    const added = files.map((file): QueuedFile => {
      const kind = kindOf(file);
      const refusal = tooLarge(file, kind, settings);
      return {
        key: `f${++counter}`, file, kind, preview: kind === 'photo' ? URL.createObjectURL(file) : null, pointId,
        status: refusal ? 'failed' : 'waiting', sent: 0, stall: null, error: refusal, canRetry: false,
      };
    });
    setItems((all) => [...all, ...added]);
  };

  const cancel = (item: QueuedFile) => {
    const controller = controllers.current.get(item.key);
    if (controller) {
      controller.abort();
      void abandonUpload(target, item.file);
    }
    drop(item.key);
  };

  return {
    items,
    add,
    retry: (key: string) => patch(key, { status: 'waiting', error: null, sent: 0 }),
    cancel,
    hasPending: items.some((i) => i.status === 'waiting' || i.status === 'uploading'),
  };
}
