import {
  addMonths, DEFAULT_SCHEME, explainItem, formulaText, gradeOf, METRIC_LABEL, periodText, rankTotals, valueText, yearAverages,
  type ItemScore, type ScoreListQuery, type ScoringScheme, type SubjectKind,
} from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { can } from '../../lib/permissions';
import { inTransaction, nowIso, parseJson } from '../../lib/records';
import { contains } from '../../lib/search';
import { subjectsOf } from './compute';

// Reading the scores: a month's ranking with movement since last month, one score explained item
// by item with the records behind it, the year's standing; and publishing a month (it freezes).
// Readers other than the office see a month only once it is published.

type RunRow = { id: number; period: string; status: string; computedAt: string; publishedAt: string | null; version: number; projects: number; schemeName: string; schemeVersion: number; schemeEffectiveFrom: string; scheme: string };

async function findRun(db: Executor, user: SessionUser, period: string): Promise<RunRow | null> {
  const run = await db.selectFrom('scoreRun')
    .select(['id', 'period', 'status', 'computedAt', 'publishedAt', 'version', 'projects', 'schemeName', 'schemeVersion', 'schemeEffectiveFrom', 'scheme'])
    .where('regionCode', '=', user.regionCode).where('period', '=', period).executeTakeFirst();
  if (!run || (run.status !== 'published' && !can(user, 'manageAssessment'))) return null;
  return run;
}

export function presentRun(run: RunRow) {
  return {
    period: run.period, status: run.status as 'draft' | 'published', computedAt: run.computedAt, publishedAt: run.publishedAt, version: run.version,
    projects: run.projects, scheme: { name: run.schemeName, version: run.schemeVersion, effectiveFrom: run.schemeEffectiveFrom },
  };
}

const schemeOfRun = (run: RunRow) => parseJson<ScoringScheme>(run.scheme, DEFAULT_SCHEME);

export async function listScores(ctx: AppContext, user: SessionUser, query: ScoreListQuery) {
  const run = await findRun(ctx.db, user, query.period);
  const kinds = run ? subjectsOf(schemeOfRun(run).subjects, user) : [];
  if (!run || !kinds.includes(query.kind)) return { period: query.period, kind: query.kind, kinds, run: run ? presentRun(run) : null, items: [], total: 0 };
  let base = ctx.db.selectFrom('score').where('runId', '=', run.id).where('subjectKind', '=', query.kind);
  if (query.q) base = base.where(contains('score.name', query.q));
  const [rows, total] = await Promise.all([
    base.select(['subjectKey', 'name', 'total', 'base', 'bonus', 'rank', 'flag', 'projects'])
      .orderBy('rank').orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  const previous = await previousRanks(ctx.db, user, query.period, query.kind, rows.map((r) => r.subjectKey));
  return {
    period: query.period, kind: query.kind, kinds, run: presentRun(run), total: Number(total?.n ?? 0),
    items: rows.map((r) => {
      const before = previous.get(r.subjectKey) ?? null;
      return {
        subjectId: r.subjectKey, name: r.name, total: Number(r.total), base: Number(r.base), bonus: Number(r.bonus), rank: r.rank,
        previousRank: before, movement: before == null ? null : before - r.rank, flag: r.flag as 'red' | 'yellow' | null, projects: r.projects,
      };
    }),
  };
}

/** Last month's ranks of these subjects, as the reader may see last month. */
async function previousRanks(db: Executor, user: SessionUser, period: string, kind: SubjectKind, keys: string[]): Promise<Map<string, number>> {
  const run = await findRun(db, user, addMonths(period, -1));
  if (!run || keys.length === 0) return new Map();
  const rows = await db.selectFrom('score').select(['subjectKey', 'rank']).where('runId', '=', run.id).where('subjectKind', '=', kind).where('subjectKey', 'in', keys).execute();
  return new Map(rows.map((r) => [r.subjectKey, r.rank]));
}

type Ref = ItemScore['refs'][number];
function linkOf(ref: Ref, projectId: string): string | null {
  switch (ref.kind) {
    case 'report': return `/reports/${ref.id}`;
    case 'obstacle': return `/obstacles/${ref.id}`;
    case 'finding': return ref.inspectionId ? `/inspections/${ref.inspectionId}/projects/${projectId}` : null;
    case 'node':
    case 'project': return `/projects/${projectId}`;
  }
}

export async function explainScore(ctx: AppContext, user: SessionUser, period: string, kind: SubjectKind, subjectId: string) {
  const run = await findRun(ctx.db, user, period);
  if (!run) throw notFound(`${periodText(period)}的考核结果`);
  const row = await ctx.db.selectFrom('score').selectAll().where('runId', '=', run.id).where('subjectKind', '=', kind).where('subjectKey', '=', subjectId).executeTakeFirst();
  if (!row) throw notFound('考核对象');
  const scheme = schemeOfRun(run);
  const of = await ctx.db.selectFrom('score').select((eb) => eb.fn.countAll<number>().as('n')).where('runId', '=', run.id).where('subjectKind', '=', kind).executeTakeFirst();
  const head = {
    period, kind, subject: { id: subjectId, name: row.name }, total: Number(row.total), base: Number(row.base), bonus: Number(row.bonus),
    rank: row.rank, of: Number(of?.n ?? 0), flag: row.flag, run: presentRun(run),
  };
  const describe = (key: string) => {
    const item = scheme.items.find((i) => i.key === key)!;
    return { key, label: item.label, metric: item.metric, metricLabel: METRIC_LABEL[item.metric], formulaText: formulaText(item.formula, item.weight), weight: item.weight, item };
  };
  if (kind === 'project') {
    const stored = parseJson<{ applicableWeight: number; items: ItemScore[] }>(row.items, { applicableWeight: 0, items: [] });
    return {
      ...head, applicableWeight: stored.applicableWeight, projects: null,
      items: stored.items.map((s) => {
        const { item, ...d } = describe(s.key);
        return {
          ...d, max: s.max, score: s.score, applicable: s.applicable, value: s.value, events: s.events,
          valueText: valueText(item, s), explain: explainItem(item, s),
          refs: s.refs.map((r) => ({ kind: r.kind, id: r.id, label: r.label, date: r.date, link: linkOf(r, subjectId) })),
        };
      }),
    };
  }
  const stored = parseJson<{ items: { key: string; score: number | null; applied: number }[]; projectIds: number[] }>(row.items, { items: [], projectIds: [] });
  const projects = stored.projectIds.length
    ? await ctx.db.selectFrom('score').select(['subjectKey', 'name', 'total', 'rank']).where('runId', '=', run.id).where('subjectKind', '=', 'project')
      // Sorted here: ordered by rank, SQLite walks every project of a province's month (95 ms, not 0.2).
      .where('subjectKey', 'in', stored.projectIds.map(String)).execute().then((rows) => rows.sort((a, b) => a.rank - b.rank))
    : [];
  const n = stored.projectIds.length;
  return {
    ...head, applicableWeight: null,
    projects: projects.map((p) => ({ projectId: Number(p.subjectKey), name: p.name, total: Number(p.total), rank: p.rank })),
    items: stored.items.map((g) => {
      const { item, ...d } = describe(g.key);
      const max = item.formula.kind === 'bonus' ? item.formula.max : item.weight;
      const sentence = g.applied === 0 ? `${n}个项目本月均不适用` : `${n}个项目中${g.applied}个适用，平均得${Math.round((g.score ?? 0) * 100) / 100}分`;
      return { ...d, max, score: g.score ?? 0, applicable: g.applied > 0, value: null, events: 0, valueText: sentence, explain: sentence, refs: [] };
    }),
  };
}

export async function publishScores(ctx: AppContext, user: SessionUser, period: string, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const run = await findRun(tx, user, period);
    if (!run) throw new AppError('unprocessable', `${periodText(period)}尚未计分，不能发布`);
    if (run.version !== version) throw versionConflict(presentRun(run));
    if (run.status === 'published') throw new AppError('unprocessable', `${periodText(period)}考核结果已发布`);
    const at = nowIso(ctx);
    await tx.updateTable('scoreRun').set({ status: 'published', publishedAt: at, publishedBy: user.id, version: version + 1, updatedAt: at }).where('id', '=', run.id).execute();
    await audit({ action: 'publish', objectType: 'score_run', objectId: run.id, before: { status: run.status }, after: { status: 'published', period } });
    return { run: presentRun((await findRun(tx, user, period))!) };
  });
}

/** The year's standing over its published months: mean monthly total, rank and grade. */
export async function yearScores(ctx: AppContext, user: SessionUser, year: number, kind: SubjectKind) {
  const runs = await ctx.db.selectFrom('scoreRun').select(['id', 'period', 'scheme'])
    .where('regionCode', '=', user.regionCode).where('status', '=', 'published')
    .where('period', '>=', `${year}-01`).where('period', '<=', `${year}-12`).orderBy('period').execute();
  if (runs.length === 0) return { year, kind, months: [], items: [] };
  const rows = await ctx.db.selectFrom('score').select(['runId', 'subjectKey', 'name', 'total'])
    .where('runId', 'in', runs.map((r) => r.id)).where('subjectKind', '=', kind).execute();
  const names = new Map<string, string>();
  const months = runs.map((run) => {
    const totals = new Map<string, number>();
    for (const r of rows) if (r.runId === run.id) { totals.set(r.subjectKey, Number(r.total)); names.set(r.subjectKey, r.name); }
    return { period: run.period, totals };
  });
  const scheme = parseJson<ScoringScheme>(runs.at(-1)!.scheme, DEFAULT_SCHEME);
  const averages = [...yearAverages(months)].map(([key, a]) => ({ key, name: names.get(key)!, ...a }));
  const ranked = rankTotals(averages, (a) => a.average, { red: 0, yellow: 0 }, (a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    year, kind, months: runs.map((r) => r.period),
    items: ranked.map((r) => ({
      subjectId: r.item.key, name: r.item.name, average: r.item.average, months: r.item.months, rank: r.rank,
      grade: gradeOf(r.item.average, scheme.grades), monthly: r.item.monthly,
    })),
  };
}
