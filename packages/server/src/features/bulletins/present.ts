import type { BulletinFigures, BulletinListItem, BulletinPhoto, BulletinSection, BulletinStatus, BulletinView } from '@tuijin/core';
import type { SessionUser } from '../../lib/context';
import { parseJson } from '../../lib/records';
import { managesBulletin, type BulletinRow } from './queries';

// The bulletin as the API answers it. The photos column keeps the office's picks and the
// candidates they were picked from; a published bulletin shows only what it printed.

export interface StoredPhotos { chosen: BulletinPhoto[]; candidates: BulletinPhoto[] }

export const storedPhotos = (json: string): StoredPhotos => {
  const p = parseJson<Partial<StoredPhotos>>(json, {});
  return { chosen: p.chosen ?? [], candidates: p.candidates ?? [] };
};

export function presentBulletin(user: SessionUser, b: BulletinRow): BulletinView {
  const photos = storedPhotos(b.photos);
  const isDraft = b.status === 'draft';
  return {
    id: b.id, regionCode: b.regionCode, regionName: b.regionName, period: b.period, status: b.status as BulletinStatus,
    title: b.title, docNo: b.docNo, issuer: b.issuer, issuedOn: b.issuedOn,
    sections: parseJson<BulletinSection[]>(b.sections, []),
    photos: photos.chosen,
    candidates: isDraft ? photos.candidates : [],
    figures: parseJson<BulletinFigures>(b.figures, {} as BulletinFigures),
    version: b.version, createdAt: b.createdAt, updatedAt: b.updatedAt,
    publishedAt: b.publishedAt, publishedByName: b.publishedByName, docxSha256: b.docxSha256,
    docxSize: b.docxSize == null ? null : Number(b.docxSize),
    canEdit: isDraft && managesBulletin(user, b),
  };
}

export function presentBulletinItem(b: Omit<BulletinRow, 'sections' | 'figures' | 'photos'>): BulletinListItem {
  return {
    id: b.id, regionCode: b.regionCode, regionName: b.regionName, period: b.period, status: b.status as BulletinStatus, title: b.title,
    docNo: b.docNo, issuedOn: b.issuedOn, version: b.version, updatedAt: b.updatedAt, publishedAt: b.publishedAt,
    publishedByName: b.publishedByName, docxSha256: b.docxSha256,
  };
}
