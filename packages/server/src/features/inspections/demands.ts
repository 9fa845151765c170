import { OBSTACLE_KIND_LABEL, type FindingDemandInput } from '@tuijin/core';
import type { Executor, Tx } from '../../db/kysely';
import type { AuditRecord } from '../../lib/audit';
import { AppError, invalid } from '../../lib/errors';
import { notify, officeUsersFor, usersOfOrgs } from '../notifications/service';
import { raiseObstacle } from '../obstacles/raise';
import { regionLine } from '../settings/report-settings';
import type { DemandStatuses, StoredDemand } from './present';

// 整改要求: each demand an inspector writes on site is handed on when the finding is saved —
// as an obstacle (问题督办, climbing the ladder under the project's responsible department) or
// as an action item (督办事项, tracked to closure with a deadline). Once handed on it is that
// record's to follow: the finding keeps it as it was raised and it cannot be changed or dropped.

export interface DemandProject { id: number; name: string; regionCode: string; responsibleOrgId: number | null; leaderId: number | null }

const same = (a: StoredDemand, b: FindingDemandInput) =>
  a.description === b.description && a.kind === b.kind && a.raiseAs === b.raiseAs && (a.deadline ?? null) === (b.deadline ?? null);

/** Checks the demands against those already raised, raises the new ones, and returns the list to store. */
export async function settleDemands(
  tx: Tx, userId: number, findingId: number, project: DemandProject, stored: StoredDemand[], input: FindingDemandInput[],
  today: string, at: string, audit: (record: AuditRecord) => Promise<void>,
): Promise<StoredDemand[]> {
  const raised = stored.filter((d) => d.obstacleId != null || d.actionItemId != null);
  for (const [k, d] of input.entries()) {
    const field = `demands.${k}`;
    if (d.obstacleId != null && d.actionItemId != null) throw invalid([{ field, message: `整改要求第 ${k + 1} 项：不能同时是问题和督办事项` }]);
    if (d.obstacleId == null && d.actionItemId == null) {
      if (d.deadline && d.deadline < today) throw invalid([{ field: `${field}.deadline`, message: `整改要求第 ${k + 1} 项的整改期限：不能早于今天（${today}）` }]);
      continue;
    }
    const was = raised.find((r) => (d.obstacleId != null ? r.obstacleId === d.obstacleId : r.actionItemId === d.actionItemId));
    if (!was) throw invalid([{ field, message: `整改要求第 ${k + 1} 项：编号不属于本次检查记录` }]);
    // Listed twice, it would be stored and counted twice.
    const first = input.findIndex((e) => (d.obstacleId != null ? e.obstacleId === d.obstacleId : e.actionItemId === d.actionItemId));
    if (first < k) throw invalid([{ field, message: `整改要求第 ${k + 1} 项：与第 ${first + 1} 项是同一条已转办的整改要求` }]);
    if (!same(was, d)) throw new AppError('unprocessable', `整改要求第 ${k + 1} 项已${was.obstacleId != null ? '转为问题督办' : '列为督办事项'}，不能再修改；请到督办中跟进`, [{ field, message: '已转办，不能修改' }]);
  }
  const dropped = raised.find((r) => !input.some((d) => (r.obstacleId != null ? d.obstacleId === r.obstacleId : d.actionItemId === r.actionItemId)));
  if (dropped) throw new AppError('unprocessable', `整改要求「${dropped.description.slice(0, 30)}」已转办，不能删除；如已解决，请在督办中办结`);

  const result: StoredDemand[] = [];
  for (const d of input) {
    const base: StoredDemand = { description: d.description, kind: d.kind, raiseAs: d.raiseAs, deadline: d.deadline ?? null, obstacleId: d.obstacleId ?? null, actionItemId: d.actionItemId ?? null };
    if (base.obstacleId != null || base.actionItemId != null) {
      result.push(raised.find((r) => r.obstacleId === base.obstacleId && r.actionItemId === base.actionItemId) ?? base);
    } else if (d.raiseAs === 'obstacle') {
      const { id, audit: record } = await raiseObstacle(tx, userId, {
        projectId: project.id, regionCode: project.regionCode, kind: d.kind, description: d.description, source: 'inspection', sourceId: findingId,
        ownerOrgId: project.responsibleOrgId, leaderId: project.leaderId, deadline: base.deadline,
      }, at, project.name);
      await audit(record);
      result.push({ ...base, obstacleId: id });
    } else {
      result.push({ ...base, actionItemId: await raiseActionItem(tx, userId, project, base, at, audit) });
    }
  }
  return result;
}

/** A 督办事项 outside any meeting: owned by the project's responsible department, with the demand's deadline. */
async function raiseActionItem(tx: Tx, userId: number, project: DemandProject, d: StoredDemand, at: string, audit: (record: AuditRecord) => Promise<void>): Promise<number> {
  const description = `【督导检查整改·${OBSTACLE_KIND_LABEL[d.kind]}】${d.description}`;
  const { id } = await tx.insertInto('actionItem').values({
    meetingId: null, meetingItemId: null, projectId: project.id, regionCode: project.regionCode, description,
    ownerOrgId: project.responsibleOrgId, ownerPersonId: null, deadline: d.deadline, status: 'open', createdAt: at, updatedAt: at,
  }).returning('id').executeTakeFirstOrThrow();
  await audit({ action: 'create', objectType: 'action_item', objectId: id, projectId: project.id, after: { description, ownerOrgId: project.responsibleOrgId, deadline: d.deadline, source: 'inspection', createdBy: userId } });
  const owners = await usersOfOrgs(tx, [project.responsibleOrgId], 'department');
  await notify(tx, owners.length ? owners : await officeUsersFor(tx, regionLine(project.regionCode)), {
    kind: 'action_item_assigned', title: `督办事项：${project.name}`, body: `${d.description.slice(0, 100)}${d.deadline ? `。完成时限：${d.deadline}` : ''}`, link: '/meetings?tab=actions',
  }, at);
  return id;
}

/** The current status of what each demand became. */
export async function demandStatuses(tx: Executor, demands: StoredDemand[]): Promise<DemandStatuses> {
  const obstacleIds = demands.map((d) => d.obstacleId).filter((v): v is number => v != null);
  const actionIds = demands.map((d) => d.actionItemId).filter((v): v is number => v != null);
  const [obstacles, actions] = await Promise.all([
    obstacleIds.length ? tx.selectFrom('obstacle').select(['id', 'status']).where('id', 'in', obstacleIds).execute() : [],
    actionIds.length ? tx.selectFrom('actionItem').select(['id', 'status']).where('id', 'in', actionIds).execute() : [],
  ]);
  return { obstacles: new Map(obstacles.map((o) => [o.id, o.status])), actions: new Map(actions.map((a) => [a.id, a.status])) };
}
