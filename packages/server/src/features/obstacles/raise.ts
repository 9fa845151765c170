import {
  chinaDate, nextEscalation, OBSTACLE_KIND_LABEL, OBSTACLE_STAGE_LABEL, type ObstacleKind, type ObstacleSource, type ObstacleStage,
  type ObstacleStatus, type SupervisionSettings,
} from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AuditRecord } from '../../lib/audit';
import { notify, officeUsersFor, usersOfOrgs, type Notice } from '../notifications/service';
import { regionLine, supervisionSettings } from '../settings/report-settings';

// Raising an obstacle, wherever it comes from (a report's 存在问题, an inspection's demand, a
// meeting's decision, the office by hand): the record, its first step (交办), its timers, and a
// notice to the owner department. Other features call raiseObstacle inside their own transaction.

export interface ObstacleFields {
  projectId: number;
  regionCode: string;
  kind: ObstacleKind;
  title?: string | null;
  description: string;
  source: ObstacleSource;
  sourceId: number | null;
  ownerOrgId: number | null;
  leaderId: number | null;
  deadline: string | null;
  meetingId?: number | null;
}

/** What the first step says about where the obstacle came from (the raiser's name is on the step). */
const RAISED_NOTE: Record<ObstacleSource, string | null> = {
  report: '月报报告的存在问题，报送时自动登记交办', inspection: '督导检查提出的整改要求', meeting: '联席会议交办', manual: null,
};

export interface TimerInput {
  status: string;
  stage: string;
  deadline: string | null;
  raisedAt: string;
  stageAt: string | null;
}

/**
 * The two dates the ladder keeps on the row: the deadline it runs against (due_on) and the day
 * of its next step (escalate_at; null once it cannot climb). Set whenever an obstacle is raised,
 * edited or moves, so the hourly job reads only what is due.
 */
export function ladderTimers(o: TimerInput, settings: SupervisionSettings, today: string): { dueOn: string; escalateAt: string | null } {
  const timed = {
    status: o.status as ObstacleStatus, stage: o.stage as ObstacleStage, deadline: o.deadline,
    raisedOn: chinaDate(new Date(o.raisedAt)), stageOn: chinaDate(new Date(o.stageAt ?? o.raisedAt)),
  };
  const e = nextEscalation(timed, settings, today);
  return { dueOn: e.deadline, escalateAt: e.steps[0]?.on ?? e.nextOn };
}

export async function loadLadderSettings(db: Executor, regionCode: string): Promise<SupervisionSettings> {
  return supervisionSettings.load(db, regionCode);
}

/** Tells the owner department's users (or, with no owner, the office) what happened to an obstacle. */
export async function notifyOwner(db: Executor, o: { id: number; ownerOrgId: number | null; regionCode: string }, notice: Omit<Notice, 'link'>, at: string, alsoOffice = false) {
  const owners = await usersOfOrgs(db, [o.ownerOrgId], 'department');
  const office = alsoOffice || !owners.length ? await officeUsersFor(db, regionLine(o.regionCode)) : [];
  await notify(db, [...owners, ...office], { ...notice, link: `/obstacles/${o.id}` }, at);
}

/**
 * Inserts an open obstacle at 交办 with its first step and timers and tells the owner. Returns
 * its id and the audit record for the caller to write (one per write, in the caller's audit).
 */
export async function raiseObstacle(db: Executor, userId: number | null, fields: ObstacleFields, at: string, projectName?: string): Promise<{ id: number; audit: AuditRecord }> {
  const settings = await loadLadderSettings(db, fields.regionCode);
  const timers = ladderTimers({ status: 'open', stage: 'assigned', deadline: fields.deadline, raisedAt: at, stageAt: at }, settings, chinaDate(new Date(at)));
  const { id } = await db.insertInto('obstacle').values({
    projectId: fields.projectId, regionCode: fields.regionCode, kind: fields.kind, title: fields.title ?? null, description: fields.description,
    source: fields.source, sourceId: fields.sourceId, ownerOrgId: fields.ownerOrgId, leaderId: fields.leaderId, deadline: fields.deadline,
    meetingId: fields.meetingId ?? null, status: 'open', stage: 'assigned', stageAt: at, ...timers,
    raisedBy: userId && userId > 0 ? userId : null, raisedAt: at, createdAt: at, updatedAt: at,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('obstacleStep').values({
    obstacleId: id, step: 'raised', fromStage: null, toStage: 'assigned', docNo: null, note: RAISED_NOTE[fields.source], isAuto: 0, userId: userId && userId > 0 ? userId : null, at,
  }).execute();
  const name = projectName ?? (await db.selectFrom('project').select('name').where('id', '=', fields.projectId).executeTakeFirst())?.name ?? '';
  await notifyOwner(db, { id, ...fields }, {
    kind: 'obstacle_assigned', title: `新${OBSTACLE_STAGE_LABEL.assigned}问题：${name}（${OBSTACLE_KIND_LABEL[fields.kind]}）`,
    body: `${fields.description.slice(0, 100)}${timers.dueOn ? `。办理期限：${timers.dueOn}` : ''}`,
  }, at);
  return {
    id,
    audit: {
      action: 'create', objectType: 'obstacle', objectId: id, projectId: fields.projectId,
      after: { kind: fields.kind, title: fields.title ?? null, description: fields.description, source: fields.source, sourceId: fields.sourceId, ownerOrgId: fields.ownerOrgId, leaderId: fields.leaderId, deadline: fields.deadline, dueOn: timers.dueOn },
    },
  };
}

/**
 * 联席会议研究: a meeting took the obstacle up. Links it to the meeting and records the step;
 * not a user's edit, so the version stays. Returns the audit record for the caller to write.
 */
export async function recordDiscussion(db: Executor, userId: number | null, input: { obstacleId: number; meetingId: number; note?: string | null }, at: string): Promise<AuditRecord | null> {
  const o = await db.selectFrom('obstacle').select(['stage', 'projectId', 'meetingId']).where('id', '=', input.obstacleId).executeTakeFirst();
  if (!o) return null;
  await db.updateTable('obstacle').set({ meetingId: input.meetingId }).where('id', '=', input.obstacleId).execute();
  await db.insertInto('obstacleStep').values({
    obstacleId: input.obstacleId, step: 'discussed', fromStage: o.stage, toStage: o.stage, docNo: null, note: input.note ?? null, isAuto: 0, userId: userId && userId > 0 ? userId : null, at,
  }).execute();
  return { action: 'discuss', objectType: 'obstacle', objectId: input.obstacleId, projectId: o.projectId, before: { meetingId: o.meetingId }, after: { meetingId: input.meetingId, note: input.note ?? null } };
}
