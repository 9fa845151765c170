import { createHash, randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { BulletinPhoto, BulletinView } from '@tuijin/core';
import type { FastifyReply } from 'fastify';
import sharp from 'sharp';
import { auditAlone } from '../../lib/audit';
import { actorOf, type AppContext, type SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { inTransaction, nowIso } from '../../lib/records';
import { freezeScores, rankingSnapshot } from '../assessment/snapshot';
import { bulletinReadersOf, notify } from '../notifications/service';
import { bulletinDocx, type PhotoImage } from './docx';
import { presentBulletin } from './present';
import { findBulletin } from './queries';
import { editableBulletin, loadBulletin } from './service';

// Publishing freezes a bulletin: the .docx is rendered once, stored with its sha256, and handed
// out byte for byte ever after; the month's scores are frozen with it. A draft's .docx is drawn
// afresh on each download and marked 征求意见稿.

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Each photo printed, from its display image (never the original), at print size: a pair stands
 * 74 mm wide each, so 840 × 630 is 290 dpi. A display image put in whole made a bulletin of eight
 * pairs 7 MB, and the Word writer hashes and zips it on the server's one thread; sharp shrinks
 * off it.
 */
const PRINT_SIZE = { width: 840, height: 630 };
async function photoImages(ctx: AppContext, photos: BulletinPhoto[]): Promise<Map<number, PhotoImage>> {
  const ids = photos.flatMap((p) => [p.before.mediaId, p.after.mediaId]);
  if (!ids.length) return new Map();
  const rows = await ctx.db.selectFrom('media').select(['id', 'displayKey']).where('id', 'in', ids).where('displayKey', 'is not', null).execute();
  const images = await Promise.all(rows.map(async (m) => {
    const display = await buffer((await ctx.storage.get(m.displayKey!)).stream).catch(() => null);
    if (!display) return null;
    const { data, info } = await sharp(display).resize({ ...PRINT_SIZE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true }).catch(() => ({ data: null, info: null }));
    return data && info ? [m.id, { data, width: info.width, height: info.height }] as const : null;
  }));
  return new Map(images.filter((x) => x != null));
}

const renderDocx = async (ctx: AppContext, view: BulletinView, isDraft: boolean) => bulletinDocx(view, await photoImages(ctx, view.photos), { isDraft });

/** '2026-06-15T02:00:00.123Z' → '20260615T020000123Z' (sorts by time, safe as a key). */
const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');

export async function publishBulletin(ctx: AppContext, user: SessionUser, id: number, version: number): Promise<BulletinView> {
  const b = await editableBulletin(ctx.db, user, id, version);
  if (!b.docNo.trim()) throw new AppError('unprocessable', '发布前请填写文号', [{ field: 'docNo', message: '文号：发布前必须填写' }]);
  const view = presentBulletin(user, b);
  // Publishing freezes the month's scores: the bulletin must print them, not 「尚未计分」.
  if (!view.figures.scored && (await rankingSnapshot(ctx.db, b.regionCode, b.period))) {
    throw new AppError('unprocessable', '本月考核已计分，请先「重新生成」通报，使考核排名印入通报后再发布');
  }
  const file = await renderDocx(ctx, view, false);
  const sha256 = createHash('sha256').update(file).digest('hex');
  // Stored before the row points at it; the random tail keeps two attempts apart.
  const key = `bulletins/${b.regionCode}/${b.period}/${stamp(ctx.clock.now())}-${randomBytes(3).toString('hex')}.docx`;
  await ctx.storage.putBuffer(key, file, { contentType: DOCX_TYPE });
  try {
    return await inTransaction(ctx, user, async (tx, audit) => {
      // Checked again inside: a save or another publish may have landed while the file was drawn.
      await editableBulletin(tx, user, id, version);
      const at = nowIso(ctx);
      await tx.updateTable('bulletin').set({
        status: 'published', docxKey: key, docxSha256: sha256, docxSize: file.length, publishedAt: at, publishedBy: user.id,
        version: version + 1, updatedAt: at,
      }).where('id', '=', id).where('version', '=', version).execute();
      const frozen = await freezeScores(tx, b.regionCode, b.period, at);
      // 一月一通报: the county's leaders and departments hear that it is out, as they would get the paper.
      const told = await notify(tx, await bulletinReadersOf(tx, b.regionCode), {
        kind: 'bulletin_published', title: `${b.title}已印发`, body: `文号：${b.docNo}`, link: `/bulletins/${id}`,
      }, at);
      await audit({ action: 'publish', objectType: 'bulletin', objectId: id, before: { status: 'draft' }, after: { status: 'published', docNo: b.docNo, docxKey: key, docxSha256: sha256, docxSize: file.length, scoresFrozen: frozen, notified: told } });
      return loadBulletin(tx, user, id);
    });
  } catch (error) {
    await ctx.storage.delete(key).catch(() => undefined);
    throw error;
  }
}

/** The Word file: the stored bytes once published, else drawn now as 征求意见稿. An export, so audited. */
export async function sendBulletinDocx(ctx: AppContext, user: SessionUser, id: number, reply: FastifyReply): Promise<FastifyReply> {
  const b = await findBulletin(ctx.db, user, id);
  if (!b) throw new AppError('not_found', '通报不存在或无权查看');
  const view = presentBulletin(user, b);
  let body: Buffer | NodeJS.ReadableStream;
  let size: number;
  if (b.status === 'published') {
    if (!b.docxKey) throw new AppError('not_found', '通报文件不存在');
    const object = await ctx.storage.get(b.docxKey).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') throw new AppError('not_found', '已发布的通报文件已丢失，请联系管理员从备份恢复');
      throw error;
    });
    body = object.stream;
    size = object.size;
  } else {
    body = await renderDocx(ctx, view, true);
    size = body.length;
  }
  await auditAlone(ctx.db, actorOf(user), ctx.clock.now(), {
    action: 'export', objectType: 'bulletin_docx', objectId: id, after: { period: b.period, status: b.status, docxSha256: b.docxSha256, bytes: size },
  });
  const name = encodeURIComponent(`${view.title}${b.status === 'draft' ? '（征求意见稿）' : ''}.docx`);
  return reply.type(DOCX_TYPE)
    .header('content-length', String(size))
    .header('content-disposition', `attachment; filename="bulletin-${b.period}.docx"; filename*=UTF-8''${name}`)
    .header('cache-control', 'private, no-store')
    .send(body);
}
