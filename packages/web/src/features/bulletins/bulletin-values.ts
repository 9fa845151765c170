import type { BulletinPhoto, BulletinSectionKey, BulletinUpdateInput, BulletinView } from '@tuijin/core';
import type { BulletinDocument } from './bulletin-preview';

// The editable part of a bulletin as the form holds it, what a save sends (only what changed),
// and the document the preview draws from the saved bulletin with the typing laid over it.

export interface BulletinValues {
  title: string;
  docNo: string;
  issuer: string;
  issuedOn: string | null;
  /** Every section's text in printed order, so a field message `sections.2.text` lands on its box. */
  sections: { key: BulletinSectionKey; text: string }[];
}

export const BULLETIN_FIELDS = ['title', 'docNo', 'issuer', 'issuedOn', 'sections', 'photos'] as const;

export function toValues(view: BulletinView): BulletinValues {
  return {
    title: view.title, docNo: view.docNo, issuer: view.issuer, issuedOn: view.issuedOn,
    sections: view.sections.map((s) => ({ key: s.key, text: s.text })),
  };
}

const photoKey = (photos: BulletinPhoto[]) => JSON.stringify(photos.map((p) => [p.before.mediaId, p.after.mediaId, p.caption.trim()]));

/** The PATCH body for what differs from `base` (without its version), or null when nothing does. */
export function changesOf(base: BulletinView, values: BulletinValues, photos: BulletinPhoto[]): Omit<BulletinUpdateInput, 'version'> | null {
  const body: Omit<BulletinUpdateInput, 'version'> = {};
  const trimmed = (v: string | null | undefined) => (v ?? '').trim();
  if (trimmed(values.title) !== base.title) body.title = trimmed(values.title);
  if (trimmed(values.docNo) !== base.docNo) body.docNo = trimmed(values.docNo);
  if (trimmed(values.issuer) !== base.issuer) body.issuer = trimmed(values.issuer);
  if (values.issuedOn && values.issuedOn !== base.issuedOn) body.issuedOn = values.issuedOn;
  // Sections go whole, in order, when any changed: the indexes of the reply's messages then
  // match the boxes on the page.
  const texts = values.sections ?? [];
  if (texts.some((s, i) => (s.text ?? '').trim() !== (base.sections[i]?.text ?? '').trim())) {
    body.sections = texts.map((s) => ({ key: s.key, text: (s.text ?? '').trim() }));
  }
  if (photoKey(photos) !== photoKey(base.photos)) {
    body.photos = photos.map((p) => ({ beforeMediaId: p.before.mediaId, afterMediaId: p.after.mediaId, caption: p.caption.trim() || null }));
  }
  return Object.keys(body).length ? body : null;
}

/** What the preview shows: the saved bulletin with what is being typed laid over it. */
export function documentOf(base: BulletinView, values: Partial<BulletinValues> | undefined, photos: BulletinPhoto[]): BulletinDocument {
  const typed = new Map((values?.sections ?? []).map((s) => [s.key, s.text ?? '']));
  return {
    title: values?.title ?? base.title,
    docNo: values?.docNo ?? base.docNo,
    issuer: values?.issuer ?? base.issuer,
    issuedOn: values?.issuedOn || base.issuedOn,
    sections: base.sections.map((s) => ({ ...s, text: typed.get(s.key) ?? s.text })),
    photos,
  };
}

/**
 * After a stale save: the latest bulletin with this person's own changes laid over it, field by
 * field (what they did not touch takes the other person's version).
 */
export function mergeMine(latest: BulletinView, base: BulletinView, values: BulletinValues, photos: BulletinPhoto[]): { values: BulletinValues; photos: BulletinPhoto[] } {
  const mine = changesOf(base, values, photos) ?? {};
  const next = toValues(latest);
  if (mine.title !== undefined) next.title = mine.title;
  if (mine.docNo !== undefined) next.docNo = mine.docNo;
  if (mine.issuer !== undefined) next.issuer = mine.issuer;
  if (mine.issuedOn !== undefined) next.issuedOn = mine.issuedOn;
  if (mine.sections) {
    const baseText = new Map(base.sections.map((s) => [s.key, s.text.trim()]));
    for (const s of mine.sections) {
      const at = next.sections.findIndex((n) => n.key === s.key);
      if (at >= 0 && s.text !== baseText.get(s.key)) next.sections[at] = { key: s.key, text: s.text };
    }
  }
  return { values: next, photos: mine.photos ? photos : latest.photos };
}
