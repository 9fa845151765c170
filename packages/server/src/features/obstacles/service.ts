import { chinaDate, OBSTACLE_KIND_LABEL, OBSTACLE_STAGE_LABEL, type ObstacleCreateInput, type ObstacleKind, type ObstacleUpdateInput } from '@tuijin/core';
import type { Executor, Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { meetingScope } from '../meetings/queries';
import { projectScope } from '../projects/policy';
import { assertTransition } from './policy';
import { presentObstacle } from './present';
import { findObstacle, findSource, findSteps, type ObstacleRow } from './queries';
import { ladderTimers, loadLadderSettings, notifyOwner, raiseObstacle } from './raise';

// The office's own use cases: read an obstacle with its steps, raise one by hand (直接登记),
// edit one. The ladder's moves are in transitions.ts.

export async function loadObstacle(ctx: AppContext, db: Executor, user: SessionUser, id: number) {
  const o = await findObstacle(db, user, id);
  if (!o) throw notFound('问题');
  const [steps, source, people] = await Promise.all([
    findSteps(db, id),
    findSource(db, o),
    db.selectFrom('appUser').select(['id', 'displayName']).where('id', 'in', [o.resolvedBy ?? -1, o.confirmedBy ?? -1]).execute(),
  ]);
  const nameOf = (userId: number | null) => people.find((p) => p.id === userId)?.displayName ?? null;
  return presentObstacle(user, o, steps, source, { resolvedByName: nameOf(o.resolvedBy), confirmedByName: nameOf(o.confirmedBy) }, ctx.clock.now());
}

const fieldError = (field: string, message: string) => new AppError('validation_failed', message, [{ field, message }]);

/** The owner must be a department or a township/park in the user's region; the leader a person there. */
async function checkRefs(db: Executor, user: SessionUser, input: { ownerOrgId?: number | null; leaderId?: number | null }) {
  const prefix = scopePrefix(user);
  if (input.ownerOrgId != null) {
    const org = await db.selectFrom('org').select(['kind', 'regionCode']).where('id', '=', input.ownerOrgId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!org || !org.regionCode.startsWith(prefix)) throw fieldError('ownerOrgId', '责任单位：不存在或不在管辖范围内');
    if (org.kind !== 'department' && org.kind !== 'township') throw fieldError('ownerOrgId', '责任单位：必须是部门或乡镇（园区）');
  }
  if (input.leaderId != null) {
    const person = await db.selectFrom('person').select('regionCode').where('id', '=', input.leaderId).where('deletedAt', 'is', null).executeTakeFirst();
    if (!person || !person.regionCode.startsWith(prefix)) throw fieldError('leaderId', '包保领导：不存在或不在管辖范围内');
  }
}

/** 直接登记: the office raises an obstacle on a project it sees; owner and leader default to the project's. */
export async function createObstacle(ctx: AppContext, user: SessionUser, input: ObstacleCreateInput) {
  const today = chinaDate(ctx.clock.now());
  if (input.deadline && input.deadline < today) throw fieldError('deadline', `办理期限：不能早于今天（${today}）`);
  return inTransaction(ctx, user, async (tx, audit) => {
    const project = await tx.selectFrom('project').select(['id', 'name', 'regionCode', 'responsibleOrgId', 'leaderId'])
      .where(projectScope(user)).where('project.id', '=', input.projectId).executeTakeFirst();
    if (!project) throw notFound('项目');
    await checkRefs(tx, user, input);
    const meetingId = input.meetingId == null ? null : await heldMeeting(tx, user, input.meetingId);
    const raised = await raiseObstacle(tx, user.id, {
      projectId: project.id, regionCode: project.regionCode, kind: input.kind, title: input.title ?? null, description: input.description,
      source: meetingId ? 'meeting' : 'manual', sourceId: meetingId, meetingId, deadline: input.deadline ?? null,
      ownerOrgId: input.ownerOrgId === undefined ? project.responsibleOrgId : input.ownerOrgId,
      leaderId: input.leaderId === undefined ? project.leaderId : input.leaderId,
    }, nowIso(ctx), project.name);
    await audit(raised.audit);
    return loadObstacle(ctx, tx, user, raised.id);
  });
}

/** 联席会议交办: only a meeting in scope that is being held (not yet 定稿) raises obstacles. */
async function heldMeeting(tx: Tx, user: SessionUser, id: number): Promise<number> {
  const m = await tx.selectFrom('meeting').select(['id', 'status']).where(meetingScope(user)).where('id', '=', id).executeTakeFirst();
  if (!m) throw fieldError('meetingId', '联席会议：不存在或不在管辖范围内');
  if (m.status === 'closed') throw fieldError('meetingId', '联席会议：纪要已定稿，不能再登记会议交办的问题');
  if (m.status !== 'held') throw fieldError('meetingId', '联席会议：会议召开后才能登记会议交办的问题');
  return m.id;
}

/**
 * Loads an obstacle for a change: in scope (else 404) and at the version the user saw (else
 * 409 with the record as it now is).
 */
export async function obstacleForChange(ctx: AppContext, tx: Tx, user: SessionUser, id: number, version: number): Promise<ObstacleRow> {
  const o = await findObstacle(tx, user, id);
  if (!o) throw notFound('问题');
  if (o.version !== version) throw versionConflict(await loadObstacle(ctx, tx, user, id));
  return o;
}

const EDITABLE = ['kind', 'title', 'description', 'ownerOrgId', 'leaderId', 'deadline'] as const;
const EDIT_LABEL: Record<(typeof EDITABLE)[number], string> = { kind: '问题类型', title: '问题标题', description: '问题描述', ownerOrgId: '责任单位', leaderId: '包保领导', deadline: '办理期限' };

export async function updateObstacle(ctx: AppContext, user: SessionUser, id: number, input: ObstacleUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const o = await obstacleForChange(ctx, tx, user, id, input.version);
    assertTransition(o, user, 'edit');
    await checkRefs(tx, user, { ownerOrgId: input.ownerOrgId, leaderId: input.leaderId });
    const today = chinaDate(ctx.clock.now());
    // Moving a deadline into the past would escalate at a stroke; keeping one that has passed is fine.
    if (input.deadline && input.deadline !== o.deadline && input.deadline < today) throw fieldError('deadline', `办理期限：不能改为今天（${today}）以前的日期`);
    const next: Partial<Pick<ObstacleUpdateInput, (typeof EDITABLE)[number]>> = Object.fromEntries(EDITABLE.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
    const change = diff<Record<string, unknown>>(o, next);
    const changed = Object.keys(change.after) as (typeof EDITABLE)[number][];
    if (!changed.length) return loadObstacle(ctx, tx, user, id);
    const at = nowIso(ctx);
    const deadline = input.deadline === undefined ? o.deadline : input.deadline;
    const timers = ladderTimers({ ...o, deadline }, await loadLadderSettings(tx, o.regionCode), today);
    await tx.updateTable('obstacle').set({ ...next, ...timers, version: o.version + 1, updatedAt: at }).where('id', '=', id).execute();
    await tx.insertInto('obstacleStep').values({
      obstacleId: id, step: 'edited', fromStage: o.stage, toStage: o.stage, docNo: null, isAuto: 0, userId: user.id, at,
      note: `修改了${changed.map((k) => EDIT_LABEL[k]).join('、')}${changed.includes('deadline') ? `（办理期限：${o.deadline ?? '未定'} → ${deadline ?? '未定'}）` : ''}`,
    }).execute();
    await audit({ action: 'update', objectType: 'obstacle', objectId: id, projectId: o.projectId, before: change.before, after: change.after });
    if (changed.includes('ownerOrgId') && next.ownerOrgId != null) {
      await notifyOwner(tx, { id, ownerOrgId: next.ownerOrgId, regionCode: o.regionCode }, {
        kind: 'obstacle_assigned', title: `${OBSTACLE_STAGE_LABEL.assigned}问题：${o.projectName}（${OBSTACLE_KIND_LABEL[(next.kind ?? o.kind) as ObstacleKind] ?? o.kind}）`,
        body: `重点项目办已将此问题交由贵单位办理。${timers.dueOn ? `办理期限：${timers.dueOn}` : ''}`,
      }, at);
    }
    return loadObstacle(ctx, tx, user, id);
  });
}
