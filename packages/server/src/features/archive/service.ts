import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { auditAlone, writeAudit, type Actor } from '../../lib/audit';
import { actorOf, type AppContext, type SessionUser } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { isInScope } from '../../lib/permissions';
import { nowIso, transact } from '../../lib/records';
import { findPeriod } from '../periods/queries';
import { buildPeriodArchive, type ArchiveOptions } from './archive';
import { findArchivePeriod } from './queries';

// The month's archive as the office gets it: built after closing (or on request) in the
// background, kept in object storage, downloaded from the period's page, every download audited.

/** Periods being built by this process (per database): a second request while one runs is a no-op. */
const building = new Set<string>();

/** Hashes and counts the bytes on their way to the file. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }
}

export interface ArchiveFileResult { files: number; size: number; sha256: string }

/** Writes the archive to a file (removed again if the build fails). */
export async function archiveToFile(ctx: AppContext, periodId: number, file: string, options: ArchiveOptions = {}): Promise<ArchiveFileResult> {
  const digest = new Digest();
  const written = pipeline(digest, createWriteStream(file));
  try {
    const [built] = await Promise.all([buildPeriodArchive(ctx, periodId, digest, options), written]);
    return { files: built.files, size: digest.size, sha256: digest.hash.digest('hex') };
  } catch (error) {
    // A build that failed before writing a byte never ended the stream: end it so the file closes.
    digest.destroy(error instanceof Error ? error : new Error(String(error)));
    await written.catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
}

/** '2026-06-15T02:00:00.123Z' → '20260615T020000123Z' (sorts by time, safe as a key). */
const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');

async function buildAndStore(ctx: AppContext, actor: Actor, periodId: number, log: FastifyBaseLogger): Promise<void> {
  const period = await findArchivePeriod(ctx.db, periodId);
  if (!period) return;
  const dir = join(ctx.config.dataDir, 'tmp', 'archives');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${periodId}-${randomBytes(6).toString('hex')}.zip`);
  let key: string | null = null;
  try {
    const built = await archiveToFile(ctx, periodId, file);
    // The random tail keeps two builds in one instant (two processes) from sharing a key.
    key = `archives/${period.regionCode}/${period.period}/${stamp(ctx.clock.now())}-${randomBytes(3).toString('hex')}.zip`;
    await ctx.storage.putFile(key, file, { contentType: 'application/zip' });
    const at = nowIso(ctx);
    const storedKey = key;
    await transact(ctx, async (tx) => {
      // Only the archive columns: a background job must not move the version someone is editing against.
      // …and only onto the month as it was built: reopened (or changed) meanwhile, the archive is void.
      const done = await tx.updateTable('reportingPeriod')
        .set({ archiveKey: storedKey, archiveSha256: built.sha256, archiveSize: built.size, archivedAt: at })
        .where('id', '=', periodId).where('version', '=', period.version).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) throw new Error('the month changed while its archive was built');
      await writeAudit(tx, actor, ctx.clock.now(), {
        action: 'archive', objectType: 'reporting_period', objectId: periodId,
        before: { archiveKey: period.archiveKey, archiveSha256: period.archiveSha256 },
        after: { archiveKey: storedKey, archiveSha256: built.sha256, archiveSize: built.size, files: built.files },
      });
    });
    key = null;
    log.info({ periodId, size: built.size, files: built.files }, 'period archive built');
  } catch (err) {
    log.error({ err, periodId }, 'period archive failed');
    // The object was stored but no row points at it: remove it now rather than wait for the sweeper.
    if (key) await ctx.storage.delete(key).catch(() => undefined);
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}

/**
 * Builds the period's archive after the answer has gone: the period shows `archive` once it is
 * stored. The promise never rejects (failures are logged); callers need not wait for it.
 */
export function archiveInBackground(ctx: AppContext, actor: Actor, periodId: number, log: FastifyBaseLogger): Promise<void> {
  const key = `${ctx.config.databaseUrl ?? ctx.config.sqliteFile}#${periodId}`;
  if (building.has(key)) {
    log.info({ periodId }, 'period archive already being built');
    return Promise.resolve();
  }
  building.add(key);
  return buildAndStore(ctx, actor, periodId, log)
    .catch((err: unknown) => log.error({ err, periodId }, 'period archive failed'))
    .finally(() => building.delete(key));
}

/** '2026-05' in 某某县 → '某某县2026年05月月报归档.zip'. */
export const archiveFilename = (regionName: string, period: string) => `${regionName}${period.slice(0, 4)}年${period.slice(5, 7)}月月报归档.zip`;

export async function sendArchive(ctx: AppContext, user: SessionUser, periodId: number, reply: FastifyReply): Promise<FastifyReply> {
  const p = await findPeriod(ctx.db, user, periodId);
  // A county sees the months its city opens, but the city's archive holds every county's
  // reports: only an archive of the user's own region or one below it may be downloaded.
  if (!p || !isInScope(user, p.regionCode)) throw notFound('报期');
  if (!p.archiveKey) throw new AppError('not_found', '本月尚未生成归档');
  const object = await ctx.storage.get(p.archiveKey).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw new AppError('not_found', '归档文件已丢失，请重新生成归档');
    throw error;
  });
  await auditAlone(ctx.db, actorOf(user), ctx.clock.now(), {
    action: 'export', objectType: 'archive', objectId: p.id,
    after: { period: p.period, regionCode: p.regionCode, archiveKey: p.archiveKey, archiveSha256: p.archiveSha256, size: object.size },
  });
  const name = encodeURIComponent(archiveFilename(p.regionName, p.period));
  return reply
    .type('application/zip')
    .header('content-length', String(object.size))
    .header('content-disposition', `attachment; filename="archive-${p.period}.zip"; filename*=UTF-8''${name}`)
    .header('cache-control', 'private, no-store')
    .send(object.stream);
}

/** The period the command line means: the one of `region`, or the only region that has it. */
export async function findPeriodForCli(ctx: AppContext, period: string, region: string | undefined): Promise<number> {
  let q = ctx.db.selectFrom('reportingPeriod').innerJoin('region', 'region.code', 'reportingPeriod.regionCode')
    .select(['reportingPeriod.id', 'reportingPeriod.regionCode', 'region.name']).where('reportingPeriod.period', '=', period);
  if (region) q = q.where('reportingPeriod.regionCode', '=', region);
  const rows = await q.orderBy('reportingPeriod.regionCode').limit(11).execute();
  if (rows.length === 1) return rows[0]!.id;
  if (!rows.length) throw new AppError('not_found', region ? `地区 ${region} 没有 ${period} 的月报` : `没有 ${period} 的月报`);
  throw new AppError('bad_request', `有多个地区开启了 ${period} 的月报，请用 --region 指定：${rows.slice(0, 10).map((r) => `${r.regionCode} ${r.name}`).join('，')}`);
}

/** The command line's archive: written to a file, audited as an export by the command line. */
export async function archiveForCli(ctx: AppContext, periodId: number, file: string, options: ArchiveOptions): Promise<ArchiveFileResult> {
  const result = await archiveToFile(ctx, periodId, file, options).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') throw new AppError('bad_request', `无法写入文件：${file}（请检查目录是否存在、是否有写权限）`);
    throw error;
  });
  await auditAlone(ctx.db, { userId: null, username: 'cli', role: null, ip: null }, ctx.clock.now(), {
    action: 'export', objectType: 'archive', objectId: periodId, after: { file, ...result, originals: options.originals ?? false },
  });
  return result;
}
