import { DEFAULT_SCHEME, schemeInForce, type SchemeVersionInput, type ScoringScheme } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, versionConflict } from '../../lib/errors';
import { inTransaction, nowIso, parseJson } from '../../lib/records';
import { regionLine } from '../settings/region-settings';

// The 考核办法 in force: a county's own versions, else its city's, else its province's, else the
// built-in one. Each revision is a new version in force from a month that is not yet published,
// so a published month is never governed by a scheme written after it.

export interface SchemeVersion {
  id: number | null;
  regionCode: string | null;
  version: number;
  name: string;
  effectiveFrom: string;
  document: ScoringScheme;
  note: string | null;
  createdAt: string | null;
  createdByName: string | null;
}

export const BUILT_IN: SchemeVersion = {
  id: null, regionCode: null, version: 0, name: '重点项目建设月度考核办法（系统默认）', effectiveFrom: '2000-01',
  document: DEFAULT_SCHEME, note: null, createdAt: null, createdByName: null,
};

async function versionsOf(db: Executor, codes: string[]): Promise<SchemeVersion[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('scoringScheme as s')
    .leftJoin('appUser as u', 'u.id', 's.createdBy')
    .select(['s.id', 's.regionCode', 's.version', 's.name', 's.effectiveFrom', 's.document', 's.note', 's.createdAt', 'u.displayName'])
    .where('s.regionCode', 'in', codes)
    .orderBy('s.version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id, regionCode: r.regionCode, version: r.version, name: r.name, effectiveFrom: r.effectiveFrom,
    document: parseJson<ScoringScheme>(r.document, DEFAULT_SCHEME), note: r.note, createdAt: r.createdAt, createdByName: r.displayName,
  }));
}

/** The scheme governing a region's month, nearest region first. */
export async function schemeFor(db: Executor, regionCode: string, period: string): Promise<SchemeVersion> {
  const line = regionLine(regionCode);
  const all = await versionsOf(db, line);
  for (const code of line) {
    const found = schemeInForce(all.filter((v) => v.regionCode === code), period);
    if (found) return found;
  }
  return BUILT_IN;
}

/** The last month whose scores the region published (a new version must start after it). */
export async function publishedThrough(db: Executor, regionCode: string): Promise<string | null> {
  const row = await db.selectFrom('scoreRun').select((eb) => eb.fn.max('period').as('period'))
    .where('regionCode', '=', regionCode).where('status', '=', 'published').executeTakeFirst();
  return (row?.period as string | null | undefined) ?? null;
}

export async function schemeOverview(db: Executor, user: SessionUser, period: string) {
  const [current, own, through, names] = await Promise.all([
    schemeFor(db, user.regionCode, period),
    versionsOf(db, [user.regionCode]),
    publishedThrough(db, user.regionCode),
    db.selectFrom('region').select(['code', 'name']).where('code', 'in', regionLine(user.regionCode)).execute(),
  ]);
  const inheritedFrom = current.regionCode === user.regionCode ? null
    : current.regionCode == null ? '系统默认' : names.find((r) => r.code === current.regionCode)?.name ?? current.regionCode;
  return {
    regionCode: user.regionCode, regionName: user.regionName, period, inheritedFrom, current, versions: own,
    latestOwnVersion: own[0]?.version ?? 0, publishedThrough: through,
  };
}

export async function saveSchemeVersion(ctx: AppContext, user: SessionUser, input: SchemeVersionInput, period: string) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const own = await versionsOf(tx, [user.regionCode]);
    const latest = own[0]?.version ?? 0;
    if (input.baseVersion !== latest) throw versionConflict(await schemeOverview(tx, user, period));
    const through = await publishedThrough(tx, user.regionCode);
    if (through && input.effectiveFrom <= through) {
      throw new AppError('unprocessable', `${Number(through.slice(0, 4))}年${Number(through.slice(5))}月及以前的考核结果已发布，修订后的办法只能从以后的月份起施行`);
    }
    const at = nowIso(ctx);
    const inserted = await tx.insertInto('scoringScheme').values({
      regionCode: user.regionCode, version: latest + 1, name: input.name, effectiveFrom: input.effectiveFrom,
      document: JSON.stringify(input.document), note: input.note ?? null, createdBy: user.id, createdAt: at,
    }).onConflict((oc) => oc.columns(['regionCode', 'version']).doNothing()).returning('id').executeTakeFirst();
    // Another office saved the same version a moment ago.
    if (!inserted) throw versionConflict(await schemeOverview(tx, user, period));
    await audit({ action: 'create', objectType: 'scoring_scheme', objectId: inserted.id, after: { version: latest + 1, name: input.name, effectiveFrom: input.effectiveFrom, note: input.note ?? null, document: input.document } });
    return schemeOverview(tx, user, period);
  });
}
