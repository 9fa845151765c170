import {
  bulletinTitle, chinaDate, defaultIssuer, periodText, type BulletinListQuery, type BulletinSection, type BulletinUpdateInput, type BulletinView, type RegionLevel,
} from '@tuijin/core';
import type { Executor, Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { diff, inTransaction, nowIso, parseJson } from '../../lib/records';
import { draftBulletin, type BulletinRegion, type DraftContent } from './draft';
import { checkPhotoPicks, stillValidPhotos } from './photo-picks';
import { presentBulletin, presentBulletinItem, storedPhotos } from './present';
import { bulletinBase, bulletinScope, findBulletin, managesBulletin, type BulletinRow } from './queries';

// The monthly bulletin's life: drafted from the data for a month (one per region and month),
// its paragraphs, 文号 and photos edited by the office, regenerated from fresh data on demand,
// deleted while a draft; publishing (publish.ts) freezes it.

export async function loadBulletin(db: Executor, user: SessionUser, id: number): Promise<BulletinView> {
  const b = await findBulletin(db, user, id);
  if (!b) throw notFound('通报');
  return presentBulletin(user, b);
}

/** The bulletin if this office may change it now, else why not: 404, 422 once published, 409 when stale. */
export async function editableBulletin(tx: Executor, user: SessionUser, id: number, version: number): Promise<BulletinRow> {
  const b = await findBulletin(tx, user, id);
  if (!b || !managesBulletin(user, b)) throw notFound('通报');
  if (b.status !== 'draft') throw new AppError('unprocessable', '通报已发布，不能修改');
  if (b.version !== version) throw versionConflict(presentBulletin(user, b));
  return b;
}

export async function listBulletins(ctx: AppContext, user: SessionUser, query: BulletinListQuery) {
  let base = bulletinBase(ctx.db).where(bulletinScope(user));
  if (query.year) base = base.where('bulletin.period', '>=', `${query.year}-01`).where('bulletin.period', '<=', `${query.year}-12`);
  const [rows, total] = await Promise.all([
    base.select([
      'bulletin.id', 'bulletin.regionCode', 'bulletin.period', 'bulletin.status', 'bulletin.title', 'bulletin.docNo', 'bulletin.issuer', 'bulletin.issuedOn',
      'bulletin.docxKey', 'bulletin.docxSha256', 'bulletin.docxSize', 'bulletin.publishedAt', 'bulletin.publishedBy', 'bulletin.createdBy',
      'bulletin.version', 'bulletin.createdAt', 'bulletin.updatedAt', 'region.name as regionName', 'region.level as regionLevel', 'publisher.displayName as publishedByName',
    ])
      .orderBy('bulletin.period', 'desc').orderBy('bulletin.regionCode').orderBy('bulletin.id', 'desc')
      .limit(query.pageSize).offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(presentBulletinItem), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

const stored = (content: DraftContent) => ({
  sections: JSON.stringify(content.sections), figures: JSON.stringify(content.figures), photos: JSON.stringify(content.photos),
});

/** What an audit record keeps of a draft: its headline figures, not every table. */
const digest = (content: DraftContent) => ({
  projects: content.figures.projects, completedYtd: content.figures.completedYtd, annualPlan: content.figures.annualPlan,
  warnings: content.figures.warnings, scored: content.figures.scored, photos: content.photos.chosen.map((p) => [p.before.mediaId, p.after.mediaId]),
});

export async function createBulletin(ctx: AppContext, user: SessionUser, period: string): Promise<BulletinView> {
  const thisMonth = chinaDate(ctx.clock.now()).slice(0, 7);
  if (period > thisMonth) throw new AppError('unprocessable', `通报月份不能晚于本月（${periodText(thisMonth)}）`, [{ field: 'period', message: '通报月份：不能晚于本月' }]);
  const existing = (db: Executor) => db.selectFrom('bulletin').select('id').where('regionCode', '=', user.regionCode).where('period', '=', period).executeTakeFirst();
  // The reply names the bulletin there is, so the page can open it instead.
  const taken = (id: number) => new AppError('conflict', `${periodText(period)}的通报已存在，请在列表中打开`, { bulletinId: id });
  const before = await existing(ctx.db);
  if (before) throw taken(before.id);
  const region: BulletinRegion = { code: user.regionCode, name: user.regionName, level: user.regionLevel };
  const at = nowIso(ctx);
  // Gathered before the write transaction: reading a region's month takes a moment, and on
  // SQLite a write transaction would hold every other writer for it.
  const content = await draftBulletin(ctx.db, region, period, at, null);
  return inTransaction(ctx, user, async (tx, audit) => {
    const meanwhile = await existing(tx);
    if (meanwhile) throw taken(meanwhile.id);
    const { id } = await tx.insertInto('bulletin').values({
      regionCode: region.code, period, status: 'draft', title: bulletinTitle(period, region.name, region.level), docNo: '',
      issuer: defaultIssuer(region.name), issuedOn: chinaDate(ctx.clock.now()), ...stored(content), createdBy: user.id, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'bulletin', objectId: id, after: { period, ...digest(content) } });
    return loadBulletin(tx, user, id);
  });
}

/** Edited paragraphs replace the sections' text; a key the bulletin does not have is refused. */
function editSections(current: BulletinSection[], edits: { key: string; text: string }[]): BulletinSection[] {
  edits.forEach((e, i) => {
    if (!current.some((s) => s.key === e.key)) throw new AppError('unprocessable', `正文段落第 ${i + 1} 项：本通报没有这一部分`, [{ field: `sections.${i}.key`, message: '本通报没有这一部分' }]);
  });
  return current.map((s) => ({ ...s, text: edits.find((e) => e.key === s.key)?.text ?? s.text }));
}

export async function updateBulletin(ctx: AppContext, user: SessionUser, id: number, input: BulletinUpdateInput): Promise<BulletinView> {
  return inTransaction(ctx, user, async (tx, audit) => {
    const b = await editableBulletin(tx, user, id, input.version);
    const row: Record<string, string> = {};
    for (const key of ['title', 'docNo', 'issuer', 'issuedOn'] as const) if (input[key] !== undefined) row[key] = input[key];
    const sections = parseJson<BulletinSection[]>(b.sections, []);
    let edited: BulletinSection[] | null = null;
    if (input.sections) edited = editSections(sections, input.sections);
    let photos: ReturnType<typeof storedPhotos> | null = null;
    if (input.photos) photos = { ...storedPhotos(b.photos), chosen: await checkPhotoPicks(tx, b, input.photos) };
    const { before, after } = diff(b as unknown as Record<string, unknown>, row);
    // Sections and photos are audited by what changed in them, not as whole documents.
    const changedText = edited?.filter((s, i) => s.text !== sections[i]!.text) ?? [];
    for (const s of changedText) {
      before[`text:${s.key}`] = sections.find((x) => x.key === s.key)!.text;
      after[`text:${s.key}`] = s.text;
    }
    if (photos) {
      const was = storedPhotos(b.photos).chosen;
      if (JSON.stringify(was) !== JSON.stringify(photos.chosen)) {
        before.photos = was.map((p) => [p.before.mediaId, p.after.mediaId, p.caption]);
        after.photos = photos.chosen.map((p) => [p.before.mediaId, p.after.mediaId, p.caption]);
      }
    }
    if (Object.keys(after).length === 0) return presentBulletin(user, b);
    await tx.updateTable('bulletin').set({
      ...row, ...(edited ? { sections: JSON.stringify(edited) } : {}), ...(photos ? { photos: JSON.stringify(photos) } : {}),
      version: b.version + 1, updatedAt: nowIso(ctx),
    }).where('id', '=', id).execute();
    await audit({ action: 'update', objectType: 'bulletin', objectId: id, before, after });
    return loadBulletin(tx, user, id);
  });
}

/** Draws the bulletin again from the data; the title, 文号, 发文机关, date and the office's photo picks stay. */
export async function regenerateBulletin(ctx: AppContext, user: SessionUser, id: number, version: number): Promise<BulletinView> {
  const b = await editableBulletin(ctx.db, user, id, version);
  const region: BulletinRegion = { code: b.regionCode, name: b.regionName, level: b.regionLevel as RegionLevel };
  const at = nowIso(ctx);
  const keep = await stillValidPhotos(ctx.db, b, storedPhotos(b.photos).chosen);
  const content = await draftBulletin(ctx.db, region, b.period, at, keep);
  return inTransaction(ctx, user, async (tx: Tx, audit) => {
    // Checked again inside: someone may have saved or published while the data was read.
    await editableBulletin(tx, user, id, version);
    await tx.updateTable('bulletin').set({ ...stored(content), version: version + 1, updatedAt: at }).where('id', '=', id).execute();
    const was = parseJson<DraftContent['figures'] | null>(b.figures, null);
    await audit({
      action: 'regenerate', objectType: 'bulletin', objectId: id,
      before: was && { projects: was.projects, completedYtd: was.completedYtd, annualPlan: was.annualPlan, warnings: was.warnings, scored: was.scored },
      after: digest(content),
    });
    return loadBulletin(tx, user, id);
  });
}

export async function deleteBulletin(ctx: AppContext, user: SessionUser, id: number, version: number): Promise<{ id: number; deleted: true }> {
  return inTransaction(ctx, user, async (tx, audit) => {
    const b = await findBulletin(tx, user, id);
    if (!b || !managesBulletin(user, b)) throw notFound('通报');
    if (b.status !== 'draft') throw new AppError('unprocessable', '通报已发布，不能删除');
    if (b.version !== version) throw versionConflict(presentBulletin(user, b));
    await tx.deleteFrom('bulletin').where('id', '=', id).execute();
    await audit({ action: 'delete', objectType: 'bulletin', objectId: id, before: { period: b.period, title: b.title, docNo: b.docNo, status: b.status } });
    return { id, deleted: true as const };
  });
}
