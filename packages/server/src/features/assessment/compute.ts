import {
  chinaDate, monthBounds, periodText, rankTotals, scoreGroups, scoreProject, type ProjectScore, type SubjectKind,
} from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import { inTransaction, nowIso } from '../../lib/records';
import { gatherScoreFacts, type ScoredProject } from './facts';
import { schemeFor } from './schemes';

// Scoring a month: gather the facts of every project on the month's roster, score them under the
// scheme in force that month, rank projects and the groups the scheme names, and keep it all as
// the month's run (replacing an earlier draft). A published run is frozen.

const GROUP_OF: Record<Exclude<SubjectKind, 'project'>, (p: ScoredProject) => number | string | null> = {
  department: (p) => p.responsibleOrgId,
  leader: (p) => p.leaderId,
  township: (p) => p.townshipId,
  region: (p) => p.regionCode,
};

/** The subjects a region ranks: a county never ranks counties; a city or province always does (全市各县). */
export function subjectsOf(kinds: readonly SubjectKind[], user: Pick<SessionUser, 'regionLevel'>): SubjectKind[] {
  const own = kinds.filter((k) => k !== 'region');
  return user.regionLevel === 'county' ? own : [...own, 'region'];
}

export interface ScoreRow {
  subjectKind: SubjectKind; subjectKey: string; name: string; total: number; base: number; bonus: number;
  rank: number; flag: string | null; projects: number | null; items: string;
}

async function namesOf(tx: Tx, kind: Exclude<SubjectKind, 'project'>, keys: (number | string)[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = kind === 'leader'
    ? await tx.selectFrom('person').select(['id as key', 'name']).where('id', 'in', keys as number[]).execute()
    : kind === 'region'
      ? await tx.selectFrom('region').select(['code as key', 'name']).where('code', 'in', keys as string[]).execute()
      : await tx.selectFrom('org').select(['id as key', (eb) => eb.fn.coalesce('shortName', 'name').as('name')]).where('id', 'in', keys as number[]).execute();
  return new Map(rows.map((r) => [String(r.key), r.name]));
}

/** Scores and ranks every subject of the month; pure apart from the names it looks up. */
export async function scoreMonth(tx: Tx, prefix: string, period: string, scheme: Awaited<ReturnType<typeof schemeFor>>, kinds: SubjectKind[]) {
  const facts = await gatherScoreFacts(tx, prefix, period);
  const bounds = monthBounds(period);
  const doc = scheme.document;
  const scores = facts.map((f) => scoreProject(f, doc, period, bounds));
  const byId = new Map(facts.map((f) => [f.projectId, f]));
  const rows: ScoreRow[] = [];
  if (kinds.includes('project')) {
    for (const r of rankTotals(scores, (s) => s.total, doc.flags, (a, b) => byId.get(a.projectId)!.name.localeCompare(byId.get(b.projectId)!.name, 'zh-CN'))) {
      rows.push(projectRow(r.item, byId.get(r.item.projectId)!.name, r.rank, r.flag));
    }
  }
  const keys = doc.items.map((i) => i.key);
  for (const kind of kinds) {
    if (kind === 'project') continue;
    const pick = GROUP_OF[kind];
    const groups = scoreGroups(scores, (id) => pick(byId.get(id)!), keys);
    const names = await namesOf(tx, kind, groups.map((g) => g.group));
    const named = groups.map((g) => ({ ...g, name: names.get(String(g.group)) ?? '（已删除）' }));
    for (const r of rankTotals(named, (g) => g.total, doc.flags, (a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      const g = r.item;
      rows.push({
        subjectKind: kind, subjectKey: String(g.group), name: g.name, total: g.total, base: g.base, bonus: g.bonus, rank: r.rank, flag: r.flag,
        projects: g.projectIds.length, items: JSON.stringify({ items: g.items, projectIds: g.projectIds }),
      });
    }
  }
  return { projects: facts.length, rows };
}

function projectRow(s: ProjectScore, name: string, rank: number, flag: string | null): ScoreRow {
  return {
    subjectKind: 'project', subjectKey: String(s.projectId), name, total: s.total, base: s.base, bonus: s.bonus, rank, flag, projects: null,
    items: JSON.stringify({ applicableWeight: s.applicableWeight, items: s.items }),
  };
}

export async function computeScores(ctx: AppContext, user: SessionUser, period: string) {
  const thisMonth = chinaDate(ctx.clock.now()).slice(0, 7);
  if (period > thisMonth) throw new AppError('unprocessable', `${periodText(period)}尚未到来，不能计分`, [{ field: 'period', message: '考核月份：不能晚于本月' }]);
  return inTransaction(ctx, user, async (tx, audit) => {
    const run = await tx.selectFrom('scoreRun').selectAll().where('regionCode', '=', user.regionCode).where('period', '=', period).executeTakeFirst();
    if (run?.status === 'published') throw new AppError('unprocessable', `${periodText(period)}考核结果已发布，不能重新计分`);
    const scheme = await schemeFor(tx, user.regionCode, period);
    const kinds = subjectsOf(scheme.document.subjects, user);
    const { projects, rows } = await scoreMonth(tx, scopePrefix(user), period, scheme, kinds);
    const at = nowIso(ctx);
    const fields = {
      schemeId: scheme.id, schemeName: scheme.name, schemeVersion: scheme.version, schemeEffectiveFrom: scheme.effectiveFrom,
      scheme: JSON.stringify(scheme.document), status: 'draft', projects, computedAt: at, computedBy: user.id, updatedAt: at,
    };
    let runId: number;
    if (run) {
      runId = run.id;
      await tx.updateTable('scoreRun').set({ ...fields, version: run.version + 1 }).where('id', '=', run.id).execute();
      await tx.deleteFrom('score').where('runId', '=', run.id).execute();
    } else {
      runId = (await tx.insertInto('scoreRun').values({ regionCode: user.regionCode, period, ...fields, createdAt: at }).returning('id').executeTakeFirstOrThrow()).id;
    }
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insertInto('score').values(rows.slice(i, i + 500).map((r) => ({ runId, ...r }))).execute();
    }
    const counts = Object.fromEntries(kinds.map((k) => [k, rows.filter((r) => r.subjectKind === k).length]));
    await audit({
      action: run ? 'rescore' : 'score', objectType: 'score_run', objectId: runId,
      after: { period, scheme: `${scheme.name} 第${scheme.version}版`, projects, counts },
    });
    return { runId, counts };
  });
}
