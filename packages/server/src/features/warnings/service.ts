import {
  countLevels, PROJECT_LEVEL_LABEL, projectLevel, rollUpLevels, WARNING_RULE_LABEL, WARNING_RULES,
  type WarningListQuery, type WarningRule, type WarningSummaryQuery,
} from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { parseJson } from '../../lib/records';
import { projectScope } from '../projects/policy';
import { lastComputedAt } from './job';
import { named, presentEvent, presentWarning } from './present';
import { groupNames, liveWarnings, projectGroups, projectWarningEvents, warningGroups, warningPage } from './queries';

// Reading the warnings: the list (filters in the URL), the summary with its roll-ups by
// 责任单位, 包保领导, 乡镇园区 and county, and one project's warnings with their history.

export async function listWarnings(ctx: AppContext, user: SessionUser, query: WarningListQuery) {
  const [rows, total] = await Promise.all([
    warningPage(ctx.db, user, query).execute(),
    liveWarnings(ctx.db, user, query).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(presentWarning), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

export async function warningSummary(ctx: AppContext, user: SessionUser, query: WarningSummaryQuery) {
  const [warnings, groups, computedAt] = await Promise.all([
    warningGroups(ctx.db, user, { regionCode: query.regionCode }).execute(),
    projectGroups(ctx.db, user, query.regionCode).execute(),
    lastComputedAt(ctx, user),
  ]);
  const sizes = <K>(pick: (g: (typeof groups)[number]) => K | null) => {
    const m = new Map<K | null, number>();
    for (const g of groups) m.set(pick(g), (m.get(pick(g)) ?? 0) + Number(g.n));
    return m;
  };
  const byOrg = rollUpLevels(warnings.map((w) => ({ projectId: w.projectId, level: w.level, group: w.responsibleOrgId })), sizes((g) => g.responsibleOrgId));
  const byLeader = rollUpLevels(warnings.map((w) => ({ projectId: w.projectId, level: w.level, group: w.leaderId })), sizes((g) => g.leaderId));
  const byTownship = rollUpLevels(warnings.map((w) => ({ projectId: w.projectId, level: w.level, group: w.townshipId })), sizes((g) => g.townshipId));
  // Above a county the office compares its counties (全市各县); a county has one.
  const isAboveCounty = user.regionLevel !== 'county';
  const byRegion = isAboveCounty ? rollUpLevels(warnings.map((w) => ({ projectId: w.projectId, level: w.level, group: w.regionCode })), sizes((g) => g.regionCode)) : null;
  const names = await groupNames(ctx.db, {
    orgs: [...byOrg, ...byTownship].flatMap((g) => (g.group == null ? [] : [g.group])),
    people: byLeader.flatMap((g) => (g.group == null ? [] : [g.group])),
    regions: (byRegion ?? []).flatMap((g) => (g.group == null ? [] : [g.group])),
  });

  const counts = countLevels(warnings);
  const projects = groups.reduce((n, g) => n + Number(g.n), 0);
  const byRule = WARNING_RULES.map((rule) => ({ rule, label: WARNING_RULE_LABEL[rule], red: 0, yellow: 0 }));
  for (const w of warnings) {
    const r = byRule[WARNING_RULES.indexOf(w.rule as WarningRule)];
    if (r) r[w.level === 'red' ? 'red' : 'yellow']++;
  }
  return {
    computedAt,
    projects,
    levels: { red: counts.red, yellow: counts.yellow, green: Math.max(0, projects - counts.red - counts.yellow) },
    warnings: counts.warnings,
    byRule,
    byDepartment: named(byOrg, names.org, '未定责任单位'),
    byLeader: named(byLeader, names.person, '未定包保领导'),
    byTownship: named(byTownship, names.org, '未定乡镇园区'),
    byRegion: byRegion ? named(byRegion, names.region, '—') : null,
  };
}

/** One project's colour, its live warnings and their history; 404 outside the user's scope. */
export async function projectWarnings(ctx: AppContext, user: SessionUser, projectId: number) {
  const project = await ctx.db.selectFrom('project').select(['project.id']).where(projectScope(user)).where('project.id', '=', projectId).executeTakeFirst();
  if (!project) throw notFound('项目');
  const [live, events] = await Promise.all([
    ctx.db.selectFrom('warning').select(['id', 'rule', 'level', 'reason', 'facts', 'since', 'updatedAt'])
      .where('projectId', '=', projectId).where('clearedAt', 'is', null)
      .orderBy((eb) => eb.case().when('level', '=', 'red').then(0).else(1).end()).orderBy('since').execute(),
    projectWarningEvents(ctx.db, projectId).execute(),
  ]);
  const level = projectLevel(live);
  return {
    projectId, level, levelLabel: PROJECT_LEVEL_LABEL[level],
    live: live.map((w) => ({ ...w, ruleLabel: WARNING_RULE_LABEL[w.rule as WarningRule] ?? w.rule, facts: parseJson<Record<string, unknown>>(w.facts, {}) })),
    history: events.map(presentEvent),
  };
}
