import {
  chinaDate, needsDocNo, OBSTACLE_STAGE_LABEL, type ObstacleAction, type ObstacleConfirmInput, type ObstacleEscalateInput,
  type ObstacleResolveInput, type ObstacleStage,
} from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { inTransaction, nowIso } from '../../lib/records';
import { leaderUsersOf, notify, officeUsersFor } from '../notifications/service';
import { regionLine } from '../settings/report-settings';
import { assertTransition } from './policy';
import type { ObstacleRow } from './queries';
import { ladderTimers, loadLadderSettings, notifyOwner } from './raise';
import { loadObstacle, obstacleForChange } from './service';

// The ladder's moves by hand: the office escalates (with the notice number for 督办), the owner
// reports it solved, the office confirms (销号) or sends it back (退回重办). Each move is one
// step on the record, one audit record and a notice to whom it concerns.

interface Move {
  action: ObstacleAction;
  step: 'escalated' | 'resolved' | 'closed' | 'reopened';
  to?: ObstacleStage;
  docNo?: string | null;
  note?: string | null;
  /** A further check once the move is known to exist (e.g. 督办 needs its notice number). */
  check?: (target: ObstacleStage) => void;
  set: (o: ObstacleRow, at: string) => Record<string, string | number | null>;
}

async function move(ctx: AppContext, user: SessionUser, id: number, version: number, m: Move, after: (tx: Tx, o: ObstacleRow, at: string, stage: ObstacleStage) => Promise<void>) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const o = await obstacleForChange(ctx, tx, user, id, version);
    const r = assertTransition(o, user, m.action, m.to);
    m.check?.(r.stage);
    const at = nowIso(ctx);
    const fields = { ...m.set(o, at), status: r.status, stage: r.stage };
    const stageAt = r.stage !== o.stage || m.step === 'reopened' ? at : o.stageAt;
    const timers = ladderTimers({ status: r.status, stage: r.stage, deadline: o.deadline, raisedAt: o.raisedAt, stageAt }, await loadLadderSettings(tx, o.regionCode), chinaDate(ctx.clock.now()));
    await tx.updateTable('obstacle').set({ ...fields, stageAt, ...timers, version: o.version + 1, updatedAt: at }).where('id', '=', id).execute();
    await tx.insertInto('obstacleStep').values({
      obstacleId: id, step: m.step, fromStage: o.stage, toStage: r.stage, docNo: m.docNo ?? null, note: m.note ?? null, isAuto: 0, userId: user.id, at,
    }).execute();
    await audit({
      action: m.action, objectType: 'obstacle', objectId: id, projectId: o.projectId,
      before: { status: o.status, stage: o.stage }, after: { status: r.status, stage: r.stage, ...(m.docNo ? { docNo: m.docNo } : {}), ...(m.note ? { note: m.note } : {}) },
    });
    await after(tx, o, at, r.stage);
    return loadObstacle(ctx, tx, user, id);
  });
}

/** The stages at which the 包保领导 hears of an obstacle. */
export const LEADER_STAGES: ReadonlySet<ObstacleStage> = new Set(['supervised', 'interviewed']);

const nameOf = (o: ObstacleRow) => `「${o.projectName}」${o.title ?? o.description.slice(0, 20)}`;

/** 升级 by hand: to the next stage or a named higher one; 督办 carries its notice number (督办单号). */
export function escalateObstacle(ctx: AppContext, user: SessionUser, id: number, input: ObstacleEscalateInput) {
  const check = (target: ObstacleStage) => {
    if (!needsDocNo(target) || input.docNo) return;
    const message = `督办单号：升级为${OBSTACLE_STAGE_LABEL[target]}必须填写督办单号`;
    throw new AppError('validation_failed', message, [{ field: 'docNo', message }]);
  };
  return move(ctx, user, id, input.version, { action: 'escalate', step: 'escalated', to: input.to, docNo: input.docNo, note: input.note, check, set: () => ({}) }, async (tx, o, at, target) => {
    await notifyOwner(tx, { id, ownerOrgId: o.ownerOrgId, regionCode: o.regionCode }, {
      kind: 'obstacle_escalated', title: `问题已升级为${OBSTACLE_STAGE_LABEL[target]}：${nameOf(o)}`,
      body: `${input.docNo ? `督办单号：${input.docNo}。` : ''}${input.note ?? '请抓紧办理，办结后在系统中报告办结情况。'}`,
    }, at);
    // From 督办 up, the project's 包保领导 is told too.
    if (LEADER_STAGES.has(target)) {
      await notify(tx, await leaderUsersOf(tx, [o.leaderId]), {
        kind: 'obstacle_escalated', title: `包保项目问题已升级为${OBSTACLE_STAGE_LABEL[target]}：${nameOf(o)}`,
        body: `${input.docNo ? `督办单号：${input.docNo}。` : ''}责任单位：${o.ownerOrgName ?? '未指定'}。`, link: `/obstacles/${id}`,
      }, at);
    }
  });
}

/** 报告办结: the owner department (or the office) says it is solved and how. */
export function resolveObstacle(ctx: AppContext, user: SessionUser, id: number, input: ObstacleResolveInput) {
  return move(ctx, user, id, input.version, {
    action: 'resolve', step: 'resolved', note: input.resolution,
    set: (_o, at) => ({ resolution: input.resolution, resolvedAt: at, resolvedBy: user.id }),
  }, async (tx, o, at) => {
    await notify(tx, await officeUsersFor(tx, regionLine(o.regionCode)), {
      kind: 'obstacle_resolved', title: `问题已报告办结，待销号：${nameOf(o)}`, body: input.resolution.slice(0, 100), link: `/obstacles/${id}`,
    }, at);
  });
}

/** 销号: the office confirms a resolution (not the one who reported it: 四眼). */
export function closeObstacle(ctx: AppContext, user: SessionUser, id: number, input: ObstacleConfirmInput) {
  return move(ctx, user, id, input.version, {
    action: 'close', step: 'closed', note: input.note,
    set: (_o, at) => ({ closedAt: at, confirmedBy: user.id }),
  }, async (tx, o, at) => {
    await notifyOwner(tx, { id, ownerOrgId: o.ownerOrgId, regionCode: o.regionCode }, { kind: 'obstacle_closed', title: `问题已销号：${nameOf(o)}`, body: input.note ?? null }, at);
  });
}

/**
 * 退回重办: the office finds it not solved. Back to open at the same stage (a problem sent back
 * stays as serious as it was), with that stage's timer started afresh.
 */
export function reopenObstacle(ctx: AppContext, user: SessionUser, id: number, input: ObstacleConfirmInput & { note: string }) {
  return move(ctx, user, id, input.version, {
    action: 'reopen', step: 'reopened', note: input.note,
    set: () => ({ resolution: null, resolvedAt: null, resolvedBy: null }),
  }, async (tx, o, at) => {
    await notifyOwner(tx, { id, ownerOrgId: o.ownerOrgId, regionCode: o.regionCode }, { kind: 'obstacle_reopened', title: `问题被退回重办：${nameOf(o)}`, body: input.note }, at);
  });
}
