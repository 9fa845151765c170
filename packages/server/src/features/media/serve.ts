import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { findMediaInScope } from './queries';

// The bytes of a photo or video, only to those who may see its project (SECURITY.md rows 6, 14).
// Display sizes and thumbnails carry no EXIF; the original (with its GPS) is for those in scope.
// Ranges let a phone's video player seek without fetching the whole file.

export const VARIANTS = ['thumb', 'display', 'original', 'converted'] as const;
export type Variant = (typeof VARIANTS)[number];

function parseRange(header: string | undefined, total: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    start = Math.max(0, total - suffix);
    end = total - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? total - 1 : Math.min(Number(m[2]), total - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start > end || start >= total) return 'invalid';
  return { start, end };
}

export async function serveMedia(ctx: AppContext, user: SessionUser, id: number, variant: Variant, request: FastifyRequest, reply: FastifyReply) {
  const m = await findMediaInScope(ctx.db, user, id);
  if (!m) throw notFound('照片或视频');
  const key = { thumb: m.thumbKey, display: m.displayKey, original: m.originalKey, converted: m.convertedKey }[variant];
  if (!key) throw notFound('该文件');
  const isOriginal = variant === 'original';
  const etag = `"${m.sha256.slice(0, 32)}-${variant}"`;
  reply.header('etag', etag).header('cache-control', 'private, max-age=86400').header('accept-ranges', isOriginal ? 'bytes' : 'none');
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  const range = isOriginal ? parseRange(request.headers.range, m.size) : null;
  if (range === 'invalid') {
    return reply.status(416).header('content-range', `bytes */${m.size}`).send({ error: { code: 'bad_request', message: '请求的字节范围无效', details: null } });
  }
  const object = await ctx.storage.get(key, range ?? undefined);
  reply.type(isOriginal ? m.mime : 'image/jpeg').header('content-length', String(object.size));
  if (isOriginal) {
    const name = encodeURIComponent(m.filename);
    reply.header('content-disposition', `${m.kind === 'video' ? 'inline' : 'attachment'}; filename="media-${m.id}"; filename*=UTF-8''${name}`);
  }
  if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${object.totalSize}`);
  return reply.send(object.stream);
}

/** Parses `:variant`, refusing anything else as not found (not a 400: it is part of a path). */
export function parseVariant(value: string): Variant {
  if (!(VARIANTS as readonly string[]).includes(value)) throw new AppError('not_found', '文件不存在');
  return value as Variant;
}
