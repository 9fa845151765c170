import { sql } from 'kysely';
import { ACTIVE_STAGES, type WarningListQuery } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { scopePrefix } from '../../lib/permissions';
import { contains, startsWith } from '../../lib/search';
import { projectScope } from '../projects/policy';

// Reading warnings: only live ones (cleared_at null) of projects the user may see. The
// warning's own region code narrows first (its index: region, cleared_at, level), the
// project's scope then decides (a department sees its projects, a company its own).

type Filters = Omit<WarningListQuery, 'page' | 'pageSize'>;

export function liveWarnings(db: Executor, user: SessionUser, f: Filters = {}) {
  const prefix = scopePrefix(user);
  let q = db
    .selectFrom('warning')
    .innerJoin('project', 'project.id', 'warning.projectId')
    .where('warning.clearedAt', 'is', null)
    .where(projectScope(user));
  if (prefix.length === 6) q = q.where('warning.regionCode', '=', prefix);
  else if (prefix) q = q.where('warning.regionCode', 'like', `${prefix}%`);
  if (f.level) q = q.where('warning.level', '=', f.level);
  if (f.rule) q = q.where('warning.rule', '=', f.rule);
  if (f.responsibleOrgId) q = q.where('project.responsibleOrgId', '=', f.responsibleOrgId);
  if (f.leaderId) q = q.where('project.leaderId', '=', f.leaderId);
  if (f.townshipId) q = q.where('project.townshipId', '=', f.townshipId);
  if (f.regionCode) q = q.where('project.regionCode', '=', f.regionCode);
  if (f.projectId) q = q.where('project.id', '=', f.projectId);
  if (f.q) q = q.where((eb) => eb.or([contains('project.name', f.q!), startsWith('project.code', f.q!)]));
  return q;
}

/** A page of live warnings, red first, then the longest standing. */
export function warningPage(db: Executor, user: SessionUser, f: WarningListQuery) {
  return liveWarnings(db, user, f)
    .innerJoin('region', 'region.code', 'project.regionCode')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('org as township', 'township.id', 'project.townshipId')
    .leftJoin('person as leader', 'leader.id', 'project.leaderId')
    .select([
      'warning.id', 'warning.projectId', 'warning.rule', 'warning.level', 'warning.reason', 'warning.facts', 'warning.since', 'warning.updatedAt',
      'project.name as projectName', 'project.code as projectCode', 'project.stage', 'project.regionCode', 'region.name as regionName',
      'project.responsibleOrgId', 'resp.name as responsibleOrgName', 'project.leaderId', 'leader.name as leaderName',
      'project.townshipId', 'township.name as townshipName',
    ])
    .orderBy(sql`case ${sql.ref('warning.level')} when 'red' then 0 else 1 end`)
    .orderBy('warning.since')
    .orderBy('project.name')
    .orderBy('warning.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}
export type WarningRow = Awaited<ReturnType<ReturnType<typeof warningPage>['execute']>>[number];

/** Each live warning with the groups its project belongs to: the summary's raw material. */
export function warningGroups(db: Executor, user: SessionUser, f: Filters = {}) {
  return liveWarnings(db, user, f).select([
    'warning.projectId', 'warning.level', 'warning.rule', 'project.responsibleOrgId', 'project.leaderId', 'project.townshipId', 'project.regionCode',
  ]);
}

/** How many projects are in play in each group (green ones included), grouped in SQL. */
export function projectGroups(db: Executor, user: SessionUser, regionCode?: string) {
  let q = db
    .selectFrom('project')
    .where(projectScope(user))
    .where('project.stage', 'in', ACTIVE_STAGES);
  if (regionCode) q = q.where('project.regionCode', '=', regionCode);
  return q
    .select(['project.responsibleOrgId', 'project.leaderId', 'project.townshipId', 'project.regionCode', sql<number>`count(*)`.as('n')])
    .groupBy(['project.responsibleOrgId', 'project.leaderId', 'project.townshipId', 'project.regionCode']);
}

/** Names of the groups seen, in three small lookups. */
export async function groupNames(db: Executor, ids: { orgs: number[]; people: number[]; regions: string[] }) {
  const [orgs, people, regions] = await Promise.all([
    ids.orgs.length ? db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids.orgs).execute() : [],
    ids.people.length ? db.selectFrom('person').select(['id', 'name']).where('id', 'in', ids.people).execute() : [],
    ids.regions.length ? db.selectFrom('region').select(['code', 'name']).where('code', 'in', ids.regions).execute() : [],
  ]);
  return {
    org: new Map(orgs.map((o) => [o.id, o.name])),
    person: new Map(people.map((p) => [p.id, p.name])),
    region: new Map(regions.map((r) => [r.code, r.name])),
  };
}

/** A project's warnings, live and cleared, with every event: its history. */
export function projectWarningEvents(db: Executor, projectId: number) {
  return db
    .selectFrom('warningEvent as e')
    .innerJoin('warning', 'warning.id', 'e.warningId')
    .select(['e.id', 'e.warningId', 'e.event', 'e.fromLevel', 'e.toLevel', 'e.reason', 'e.at', 'warning.rule'])
    .where('warning.projectId', '=', projectId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(200);
}
