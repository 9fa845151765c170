import type { Readable } from 'node:stream';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import type { AddFileOptions, ZipEntryResult } from '../../lib/documents/zip-stream';
import type { MediaRow } from '../media/present';
import { extensionFor, numberedSegment } from './paths';
import type { ArchivedMedia } from './project-page';

// A project's photos and videos into its folder of the archive: the display JPEG of each photo
// (no EXIF, as anything leaving the system carries), each video's own file and its poster,
// and, when asked, the untouched originals. Bytes stream from the store into the zip. A file
// the store no longer has is noted, not fatal: the month's archive is still worth having.

export interface ArchiveFile { path: string; size: number; sha256: string }

/** A photo or video as the manifest lists it: its original's sum even when the original stays out. */
export interface MediaRecord {
  id: number; projectId: number; reportId: number | null; kind: string; filename: string; mime: string;
  size: number; sha256: string; capturedAt: string | null; lng: number | null; lat: number | null;
  caption: string | null; shootingPoint: string | null; checkStatus: string;
  path: string | null; posterPath: string | null; originalPath: string | null; missing: string[];
}

export type AddFile = (path: string, source: Readable | Buffer, options: AddFileOptions) => Promise<ZipEntryResult>;

interface Collect {
  originals: boolean;
  projectName: string;
  media: MediaRecord[];
  problems: string[];
}

const PHOTO_NAME = 60;

/** The object's bytes as an archive entry, or null when the store does not have it. */
async function copy(ctx: AppContext, add: AddFile, key: string, path: string): Promise<ZipEntryResult | null> {
  let object;
  try {
    object = await ctx.storage.get(key);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
  return add(path, object.stream, { compress: false, size: object.size });
}

export async function archiveMedia(ctx: AppContext, add: AddFile, dir: string, list: MediaRow[], x: Collect): Promise<ArchivedMedia[]> {
  const width = String(list.length).length;
  const archived: ArchivedMedia[] = [];
  for (const [i, m] of list.entries()) {
    const label = m.caption ?? m.shootingPointName ?? m.filename.replace(/\.[^.]*$/, '');
    const base = numberedSegment(i + 1, width, label, PHOTO_NAME);
    const ext = extensionFor(m.filename, m.format);
    const what = `${x.projectName}：第 ${i + 1} 个${m.kind === 'video' ? '视频' : '照片'}（${m.filename}）`;
    const a: ArchivedMedia = { media: m, path: null, posterPath: null, originalPath: null, missing: [] };
    const take = async (key: string | null, rel: string, label: string, sha256?: string) => {
      if (!key) return null;
      const r = await copy(ctx, add, key, `${dir}/${rel}`);
      if (!r) {
        a.missing.push(label);
        x.problems.push(`${what}的${label}在存储中找不到`);
        return null;
      }
      if (sha256 && r.sha256 !== sha256) x.problems.push(`${what}的${label}与上传时的 SHA-256 不一致`);
      return rel;
    };
    if (m.kind === 'video') {
      // A video has no smaller copy: its own file is both what is shown and the original.
      a.path = await take(m.originalKey, `photos/${base}.${ext}`, '视频文件', m.sha256);
      a.originalPath = a.path;
      a.posterPath = await take(m.displayKey, `photos/${base}-poster.jpg`, '封面图');
    } else {
      a.path = await take(m.displayKey, `photos/${base}.jpg`, '显示图');
      if (!m.displayKey) x.problems.push(`${what}没有显示图`);
      if (x.originals) a.originalPath = await take(m.originalKey, `originals/${base}.${ext}`, '原图', m.sha256);
    }
    archived.push(a);
    x.media.push({
      id: m.id, projectId: m.projectId, reportId: m.reportId, kind: m.kind, filename: m.filename, mime: m.mime, size: m.size,
      sha256: m.sha256, capturedAt: m.capturedAt, lng: m.lng, lat: m.lat, caption: m.caption, shootingPoint: m.shootingPointName ?? null,
      checkStatus: m.checkStatus, path: a.path && `${dir}/${a.path}`, posterPath: a.posterPath && `${dir}/${a.posterPath}`,
      originalPath: a.originalPath && `${dir}/${a.originalPath}`, missing: a.missing,
    });
  }
  return archived;
}
