import { sql } from 'kysely';
import { chinaDate, DEFAULT_SUPERVISION_SETTINGS, evaluateWarnings, type SupervisionSettings } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import { writeAuditBatch, type AuditRecord } from '../../lib/audit';
import { actorOf, type AppContext, type SessionUser } from '../../lib/context';
import { transact } from '../../lib/records';
import { notifyEach } from '../notifications/service';
import { regionLine, supervisionSettings } from '../settings/report-settings';
import { diffWarnings, warningKey, type ComputedWarning, type LiveWarning, type WarningDiff } from './diff';
import { gatherWarningFacts, inRegion } from './facts';

// The recompute engine: gather the facts of every project of a region in a few set-based
// queries, let core's rules speak, and write only what changed — a new warning raised, a level
// changed, a warning cleared — each with its event and its audit record (one batch). Warnings
// carry no version: nothing a user edits moves when the job runs (SECURITY.md reliability 3).

export interface RecomputeResult {
  projects: number;
  raised: number;
  changed: number;
  cleared: number;
  refreshed: number;
  live: { red: number; yellow: number };
  ms: number;
}

const CHUNK = 200;

/** Each region's settings: its own, else the nearest region above with some, else the defaults. */
async function settingsResolver(ctx: AppContext): Promise<(regionCode: string) => SupervisionSettings> {
  const own = new Map((await supervisionSettings.regions(ctx.db)).map((r) => [r.regionCode, r.settings]));
  const cache = new Map<string, SupervisionSettings>();
  return (regionCode) => {
    let s = cache.get(regionCode);
    if (!s) {
      const code = regionLine(regionCode).find((c) => own.has(c));
      s = code ? own.get(code)! : DEFAULT_SUPERVISION_SETTINGS;
      cache.set(regionCode, s);
    }
    return s;
  };
}

/** Live warnings of the region, and those of its projects filed under another region (a project moved). */
function liveWarnings(tx: Tx, prefix: string): Promise<LiveWarning[]> {
  let q = tx.selectFrom('warning').select(['id', 'projectId', 'regionCode', 'rule', 'level', 'reason', 'facts']).where('clearedAt', 'is', null);
  if (prefix) {
    q = q.where((eb) => eb.or([
      inRegion('warning.regionCode', prefix),
      eb('warning.projectId', 'in', eb.selectFrom('project').select('project.id').where(inRegion('project.regionCode', prefix))),
    ]));
  }
  return q.orderBy('id').execute();
}

/**
 * Recomputes the warnings of every project whose region code starts with `prefix` ('' for the
 * whole deployment), as `user` (the office pressing the button, or the system's hourly job).
 * `summary` makes the office's own audit record of the run, written in the same batch.
 */
export async function recomputeWarnings(
  ctx: AppContext, user: SessionUser, prefix: string, summary?: (result: Omit<RecomputeResult, 'ms'>) => AuditRecord,
): Promise<RecomputeResult> {
  const started = performance.now();
  const now = ctx.clock.now();
  const today = chinaDate(now);
  // Facts are read before the write transaction, so writers wait only for the (short) writes.
  const [facts, settingsFor] = await Promise.all([gatherWarningFacts(ctx.db, prefix, today), settingsResolver(ctx)]);
  const computed = new Map<string, ComputedWarning>();
  for (const f of facts) {
    for (const w of evaluateWarnings(f, today, settingsFor(f.regionCode))) {
      computed.set(warningKey(f.projectId, w.rule), { ...w, factsJson: JSON.stringify(w.facts), projectId: f.projectId, regionCode: f.regionCode });
    }
  }
  return transact(ctx, async (tx) => {
    // Read again inside the transaction (which holds the write lock): a recompute that ran
    // meanwhile is seen, so two never raise the same warning.
    const diff = diffWarnings(await liveWarnings(tx, prefix), computed);
    const records = await writeDiff(tx, diff, now.toISOString());
    await tellLeadersOfRed(tx, diff, now.toISOString());
    let red = 0;
    for (const w of computed.values()) if (w.level === 'red') red++;
    const result = {
      projects: facts.length, raised: diff.raise.length, changed: diff.change.length, cleared: diff.clear.length, refreshed: diff.refresh.length,
      live: { red, yellow: computed.size - red },
    };
    await writeAuditBatch(tx, actorOf(user), now, summary ? [summary(result), ...records] : records);
    return { ...result, ms: Math.round(performance.now() - started) };
  });
}

/**
 * 包保领导 with an account hear when a project of theirs turns red: one notice per leader per
 * run, naming the projects and why. (Nothing is read when no leader account is linked to a person.)
 */
async function tellLeadersOfRed(tx: Tx, diff: WarningDiff, at: string): Promise<void> {
  const turned = new Map<number, string>();
  for (const w of diff.raise) if (w.level === 'red' && !turned.has(w.projectId)) turned.set(w.projectId, w.reason);
  for (const { live, next } of diff.change) if (next.level === 'red' && !turned.has(live.projectId)) turned.set(live.projectId, next.reason);
  if (!turned.size) return;
  const accounts = await tx.selectFrom('appUser').select(['id', 'personId']).where('role', '=', 'leader').where('disabled', '=', 0).where('personId', 'is not', null).execute();
  if (!accounts.length) return;
  const personIds = [...new Set(accounts.map((a) => a.personId!))];
  const ids = [...turned.keys()];
  const byLeader = new Map<number, { name: string; reason: string }[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx.selectFrom('project').select(['id', 'name', 'leaderId']).where('id', 'in', ids.slice(i, i + CHUNK)).where('leaderId', 'in', personIds).execute();
    for (const p of rows) byLeader.set(p.leaderId!, [...(byLeader.get(p.leaderId!) ?? []), { name: p.name, reason: turned.get(p.id)! }]);
  }
  const notices = accounts.filter((a) => byLeader.has(a.personId!)).map((a) => {
    const projects = byLeader.get(a.personId!)!;
    const listed = projects.slice(0, 5).map((p) => `「${p.name}」${p.reason}`).join('；');
    return {
      userId: a.id,
      notice: {
        kind: 'warning_red', title: `包保项目新增红色预警 ${projects.length} 个`,
        body: `${listed}${projects.length > 5 ? `；等 ${projects.length} 个项目` : ''}`.slice(0, 500), link: '/warnings?level=red',
      },
    };
  });
  await notifyEach(tx, notices, at);
}

async function writeDiff(tx: Tx, diff: WarningDiff, at: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  const events: { warningId: number; event: string; fromLevel: string | null; toLevel: string | null; reason: string | null; at: string }[] = [];

  for (let i = 0; i < diff.raise.length; i += CHUNK) {
    const chunk = diff.raise.slice(i, i + CHUNK);
    const ids = await tx.insertInto('warning').values(chunk.map((w) => ({
      projectId: w.projectId, regionCode: w.regionCode, rule: w.rule, level: w.level, reason: w.reason, facts: w.factsJson, since: at, updatedAt: at,
    }))).returning(['id', 'projectId', 'rule']).execute();
    const idOf = new Map(ids.map((r) => [warningKey(r.projectId, r.rule), Number(r.id)]));
    for (const w of chunk) {
      const id = idOf.get(warningKey(w.projectId, w.rule))!;
      events.push({ warningId: id, event: 'raised', fromLevel: null, toLevel: w.level, reason: w.reason, at });
      records.push({ action: 'raise', objectType: 'warning', objectId: id, projectId: w.projectId, after: { rule: w.rule, level: w.level, reason: w.reason } });
    }
  }

  await updateWarnings(tx, [...diff.change, ...diff.refresh].map(({ live, next }) => ({ id: live.id, next })), at);
  for (const { live, next } of diff.change) {
    events.push({ warningId: live.id, event: 'changed', fromLevel: live.level, toLevel: next.level, reason: next.reason, at });
    records.push({ action: 'change', objectType: 'warning', objectId: live.id, projectId: live.projectId, before: { level: live.level, reason: live.reason }, after: { level: next.level, reason: next.reason } });
  }

  for (let i = 0; i < diff.clear.length; i += CHUNK) {
    const chunk = diff.clear.slice(i, i + CHUNK);
    await tx.updateTable('warning').set({ clearedAt: at, updatedAt: at }).where('id', 'in', chunk.map((w) => w.id)).execute();
  }
  for (const w of diff.clear) {
    events.push({ warningId: w.id, event: 'cleared', fromLevel: w.level, toLevel: null, reason: w.reason, at });
    records.push({ action: 'clear', objectType: 'warning', objectId: w.id, projectId: w.projectId, before: { rule: w.rule, level: w.level, reason: w.reason } });
  }

  for (let i = 0; i < events.length; i += CHUNK) await tx.insertInto('warningEvent').values(events.slice(i, i + CHUNK)).execute();
  return records;
}

/**
 * Many rows, each its own values, in one statement per chunk: UPDATE … FROM (VALUES …), a join
 * on the id (SQLite ≥ 3.33 and PostgreSQL alike; VALUES columns are column1, column2… in both).
 */
async function updateWarnings(tx: Tx, rows: { id: number; next: ComputedWarning }[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(rows.slice(i, i + CHUNK).map(({ id, next }) =>
      sql`(cast(${id} as integer), ${next.level}, ${next.reason}, ${next.factsJson}, ${next.regionCode})`));
    await sql`update warning set level = v.column2, reason = v.column3, facts = v.column4, region_code = v.column5, updated_at = ${at}
      from (values ${values}) as v where warning.id = v.column1`.execute(tx);
  }
}
