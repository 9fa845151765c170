import { chinaDate, type ObstacleListQuery } from '@tuijin/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { contains, startsWith } from '../../lib/search';
import { obstacleScope } from './policy';

// Obstacles are read through their projects and the caller's scope; the ladder's order puts
// the most serious first (约谈 before 督办 …), then the longest overdue.

export function scopedObstacles(db: Executor, user: SessionUser) {
  return db.selectFrom('obstacle').innerJoin('project', 'project.id', 'obstacle.projectId').where(obstacleScope(user));
}

function withNames(db: Executor, user: SessionUser) {
  return scopedObstacles(db, user)
    .leftJoin('org as ownerOrg', 'ownerOrg.id', 'obstacle.ownerOrgId')
    .leftJoin('person as leader', 'leader.id', 'obstacle.leaderId')
    .selectAll('obstacle')
    .select([
      'project.name as projectName', 'project.code as projectCode', 'project.responsibleOrgId as projectResponsibleOrgId',
      'ownerOrg.name as ownerOrgName', 'leader.name as leaderName',
    ]);
}

export function findObstacle(db: Executor, user: SessionUser, id: number) {
  return withNames(db, user).where('obstacle.id', '=', id).executeTakeFirst();
}
export type ObstacleRow = NonNullable<Awaited<ReturnType<typeof findObstacle>>>;

/** Overdue: still being worked on and past the deadline it runs against (the given or the default one). */
const dueRef = sql<string | null>`coalesce(${sql.ref('obstacle.dueOn')}, ${sql.ref('obstacle.deadline')})`;

export function filteredObstacles(db: Executor, user: SessionUser, f: ObstacleListQuery, now: Date) {
  const today = chinaDate(now);
  let q = withNames(db, user);
  if (f.kind) q = q.where('obstacle.kind', '=', f.kind);
  if (f.status) q = q.where('obstacle.status', '=', f.status);
  if (f.stage) q = q.where('obstacle.stage', '=', f.stage);
  if (f.ownerOrgId) q = q.where('obstacle.ownerOrgId', '=', f.ownerOrgId);
  if (f.leaderId) q = q.where('obstacle.leaderId', '=', f.leaderId);
  if (f.projectId) q = q.where('obstacle.projectId', '=', f.projectId);
  if (f.source) q = q.where('obstacle.source', '=', f.source);
  if (f.overdue === true) q = q.where('obstacle.status', '=', 'open').where(sql<boolean>`${dueRef} < ${today}`);
  if (f.overdue === false) q = q.where((eb) => eb.or([eb('obstacle.status', '<>', 'open'), sql<boolean>`${dueRef} is null`, sql<boolean>`${dueRef} >= ${today}`]));
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([contains('project.name', text), startsWith('project.code', text), contains('obstacle.description', text), contains('obstacle.title', text)]));
  }
  return q;
}

export async function findObstacleList(db: Executor, user: SessionUser, f: ObstacleListQuery, now: Date) {
  const base = filteredObstacles(db, user, f, now);
  const [rows, total] = await Promise.all([
    base
      .orderBy(sql`case ${sql.ref('obstacle.status')} when 'open' then 0 when 'resolved' then 1 else 2 end`)
      .orderBy(sql`case ${sql.ref('obstacle.stage')} when 'interviewed' then 0 when 'supervised' then 1 when 'reminded' then 2 else 3 end`)
      .orderBy(sql`${dueRef} is null`)
      .orderBy(dueRef)
      .orderBy('obstacle.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export function findSteps(db: Executor, obstacleId: number) {
  return db.selectFrom('obstacleStep')
    .leftJoin('appUser', 'appUser.id', 'obstacleStep.userId')
    .selectAll('obstacleStep')
    .select('appUser.displayName as userName')
    .where('obstacleStep.obstacleId', '=', obstacleId)
    .orderBy('obstacleStep.at').orderBy('obstacleStep.id')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof findSteps>>[number];

/** Where it was raised, for the link back: the report's month, the inspection of a finding, the meeting. */
export async function findSource(db: Executor, o: { source: string; sourceId: number | null; meetingId: number | null }) {
  if (o.source === 'report' && o.sourceId) {
    const r = await db.selectFrom('monthlyReport').select(['id', 'period']).where('id', '=', o.sourceId).executeTakeFirst();
    return r ? { kind: 'report' as const, id: r.id, period: r.period } : null;
  }
  if (o.source === 'inspection' && o.sourceId) {
    const f = await db.selectFrom('finding').innerJoin('inspection', 'inspection.id', 'finding.inspectionId')
      .select(['finding.id', 'finding.inspectionId', 'finding.projectId', 'inspection.title']).where('finding.id', '=', o.sourceId).executeTakeFirst();
    return f ? { kind: 'inspection' as const, id: f.id, inspectionId: f.inspectionId, projectId: f.projectId, title: f.title } : null;
  }
  const meetingId = o.source === 'meeting' ? o.sourceId ?? o.meetingId : null;
  if (meetingId) {
    const m = await db.selectFrom('meeting').select(['id', 'title']).where('id', '=', meetingId).executeTakeFirst();
    return m ? { kind: 'meeting' as const, id: m.id, title: m.title } : null;
  }
  return null;
}
export type SourceRow = Awaited<ReturnType<typeof findSource>>;
