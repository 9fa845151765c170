import { chinaDate, nextEscalation, OBSTACLE_STAGE_LABEL, regionPrefix, type ObstacleStage, type ObstacleStatus, type SupervisionSettings } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import { writeAuditBatch, type AuditRecord } from '../../lib/audit';
import { actorOf, type AppContext } from '../../lib/context';
import { systemUser } from '../../lib/system-user';
import { transact } from '../../lib/records';
import { leaderUsersOf, notifyEach, officeUsersFor, usersOfOrgs } from '../notifications/service';
import { LEADER_STAGES } from './transitions';
import { regionLine } from '../settings/report-settings';
import { ladderTimers, loadLadderSettings } from './raise';

// 自动升级: every hour the obstacles whose next step has come climb the ladder by the region's
// rules. Each step is recorded as automatic with the rule that moved it; the owner department and
// the office are told; the trail gets one record per obstacle, written in batch. The job moves
// only stage, stage_at, escalate_at (and fills due_on): never the version a user edits against,
// and a row a user changed since it was read is left for the next run.

const BATCH = 500;

export interface EscalationRun { moved: number; steps: number; timed: number; retimed: number }

type DueRow = Awaited<ReturnType<typeof dueBatch>>[number];

function dueBatch(tx: Tx, today: string, afterId: number) {
  return tx.selectFrom('obstacle').innerJoin('project', 'project.id', 'obstacle.projectId')
    .select([
      'obstacle.id', 'obstacle.projectId', 'obstacle.regionCode', 'obstacle.status', 'obstacle.stage', 'obstacle.stageAt', 'obstacle.deadline',
      'obstacle.raisedAt', 'obstacle.dueOn', 'obstacle.escalateAt', 'obstacle.ownerOrgId', 'obstacle.leaderId', 'obstacle.version', 'obstacle.title', 'obstacle.description',
      'project.name as projectName',
    ])
    .where('obstacle.status', '=', 'open')
    // Due today or earlier, or never timed (raised by code that set no timers).
    .where((eb) => eb.or([eb('obstacle.escalateAt', '<=', today), eb('obstacle.dueOn', 'is', null)]))
    .where('obstacle.id', '>', afterId)
    .orderBy('obstacle.id')
    .limit(BATCH)
    .execute();
}

export async function escalateDueObstacles(ctx: AppContext): Promise<EscalationRun> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const at = now.toISOString();
  const settings = new Map<string, SupervisionSettings>();
  const run: EscalationRun = { moved: 0, steps: 0, timed: 0, retimed: 0 };
  run.retimed = await retimeAfterSettingsChange(ctx, now, today, settings);
  for (let afterId = 0; ;) {
    const more = await transact(ctx, async (tx) => {
      const rows = await dueBatch(tx, today, afterId);
      if (!rows.length) return false;
      afterId = rows.at(-1)!.id;
      for (const code of new Set(rows.map((r) => r.regionCode))) if (!settings.has(code)) settings.set(code, await loadLadderSettings(tx, code));
      await escalateBatch(tx, rows, settings, today, at, run);
      return rows.length === BATCH;
    });
    if (!more) return run;
  }
}

/**
 * The ladder's settings changed (a shorter 督办 wait, a longer default deadline): the open
 * obstacles under that region get their dates again, so the pass that follows sees what is now
 * due. Settings saved within the last two hours count (the job runs hourly; doing it twice is harmless).
 */
async function retimeAfterSettingsChange(ctx: AppContext, now: Date, today: string, settings: Map<string, SupervisionSettings>): Promise<number> {
  const since = new Date(now.getTime() - 2 * 3600_000).toISOString();
  const changed = await ctx.db.selectFrom('setting').select('key').where('key', 'like', 'supervision:%').where('updatedAt', '>=', since).execute();
  let retimed = 0;
  for (const { key } of changed) {
    const prefix = regionPrefix(key.slice('supervision:'.length));
    retimed += await transact(ctx, async (tx) => {
      const rows = await tx.selectFrom('obstacle').select(['id', 'regionCode', 'status', 'stage', 'deadline', 'raisedAt', 'stageAt', 'dueOn', 'escalateAt'])
        .where('status', '=', 'open').where('regionCode', 'like', `${prefix}%`).execute();
      let n = 0;
      for (const row of rows) {
        if (!settings.has(row.regionCode)) settings.set(row.regionCode, await loadLadderSettings(tx, row.regionCode));
        const timers = ladderTimers(row, settings.get(row.regionCode)!, today);
        if (timers.dueOn === row.dueOn && timers.escalateAt === row.escalateAt) continue;
        await tx.updateTable('obstacle').set(timers).where('id', '=', row.id).where('status', '=', 'open').where('stage', '=', row.stage).execute();
        n += 1;
      }
      return n;
    });
  }
  return retimed;
}

async function escalateBatch(tx: Tx, rows: DueRow[], settings: Map<string, SupervisionSettings>, today: string, at: string, run: EscalationRun) {
  const audits: AuditRecord[] = [];
  const moved: { row: DueRow; stage: ObstacleStage; rule: string }[] = [];
  for (const row of rows) {
    const s = settings.get(row.regionCode)!;
    const e = nextEscalation({
      status: row.status as ObstacleStatus, stage: row.stage as ObstacleStage, deadline: row.deadline,
      raisedOn: chinaDate(new Date(row.raisedAt)), stageOn: chinaDate(new Date(row.stageAt ?? row.raisedAt)),
    }, s, today);
    const stageAt = e.steps.length ? at : row.stageAt;
    const timers = ladderTimers({ status: row.status, stage: e.stage, deadline: row.deadline, raisedAt: row.raisedAt, stageAt }, s, today);
    const done = await tx.updateTable('obstacle').set({ stage: e.stage, stageAt, ...timers })
      .where('id', '=', row.id).where('version', '=', row.version).where('stage', '=', row.stage).where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) continue;
    if (!e.steps.length) {
      run.timed += 1;
      continue;
    }
    let from = row.stage as ObstacleStage;
    await tx.insertInto('obstacleStep').values(e.steps.map((step) => {
      // A step due on an earlier day (the job was not running then) says so: recorded today, due then.
      const note = step.on < today ? `${step.rule}（应于 ${step.on} 升级，${today} 补记）` : step.rule;
      const value = { obstacleId: row.id, step: 'escalated', fromStage: from, toStage: step.stage, docNo: null, note, isAuto: 1, userId: null, at };
      from = step.stage;
      return value;
    })).execute();
    const rule = e.steps.map((x) => x.rule).join('；');
    audits.push({ action: 'escalate', objectType: 'obstacle', objectId: row.id, projectId: row.projectId, before: { stage: row.stage }, after: { stage: e.stage, auto: true, rule } });
    moved.push({ row, stage: e.stage, rule });
    run.moved += 1;
    run.steps += e.steps.length;
  }
  await writeAuditBatch(tx, actorOf(systemUser('office')), new Date(at), audits);
  await notifyMoved(tx, moved, at);
}

/** The owner department's users, the office of the obstacle's region and, from 督办 up, the 包保领导: one notice each per obstacle. */
async function notifyMoved(tx: Tx, moved: { row: DueRow; stage: ObstacleStage; rule: string }[], at: string) {
  const owners = new Map<number, number[]>();
  const offices = new Map<string, number[]>();
  const notices = [];
  for (const { row, stage, rule } of moved) {
    if (row.ownerOrgId != null && !owners.has(row.ownerOrgId)) owners.set(row.ownerOrgId, await usersOfOrgs(tx, [row.ownerOrgId], 'department'));
    if (!offices.has(row.regionCode)) offices.set(row.regionCode, await officeUsersFor(tx, regionLine(row.regionCode)));
    const leaders = LEADER_STAGES.has(stage) && row.leaderId != null ? await leaderUsersOf(tx, [row.leaderId]) : [];
    const to = new Set([...(owners.get(row.ownerOrgId ?? -1) ?? []), ...offices.get(row.regionCode)!, ...leaders]);
    const notice = {
      kind: 'obstacle_escalated', title: `问题已自动升级为${OBSTACLE_STAGE_LABEL[stage]}：「${row.projectName}」${row.title ?? row.description.slice(0, 20)}`,
      body: rule, link: `/obstacles/${row.id}`,
    };
    for (const userId of to) notices.push({ userId, notice });
  }
  await notifyEach(tx, notices, at);
}
