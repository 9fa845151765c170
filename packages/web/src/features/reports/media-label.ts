import type { MediaItem } from './types';

// 「照片 4」: the number a reviewer writes in a return reason (「照片 4 与照片 2 重复」). It is the
// media's `sort`, which the server gives each upload of a report in turn and never changes, so
// deleting photo 2 does not make photo 4 become photo 3. Photos and videos share the count.

export function mediaLabel(media: Pick<MediaItem, 'kind' | 'sort'>): string {
  return `${media.kind === 'video' ? '视频' : '照片'} ${media.sort}`;
}

/** A report's media in upload order. */
export function inUploadOrder<T extends Pick<MediaItem, 'sort' | 'id'>>(media: readonly T[]): T[] {
  return [...media].sort((a, b) => a.sort - b.sort || a.id - b.id);
}
