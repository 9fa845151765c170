import { checkTransition, type LadderActor, type ObstacleAction, type ObstacleStage, type ObstacleStatus } from '@tuijin/core';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/types';
import type { SessionUser } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { scopePrefix } from '../../lib/permissions';
import type { ObstacleRow } from './queries';

/**
 * Which obstacles a user may see, as a WHERE clause over obstacle ⋈ project: region users
 * those of their region; a department those it owns or on the projects it is responsible for;
 * a company's reporter those of its own projects. Anything else is simply not found (404).
 */
export function obstacleScope(user: SessionUser) {
  return (eb: ExpressionBuilder<DB, 'obstacle' | 'project'>) => {
    const prefix = scopePrefix(user);
    const region = prefix.length === 6 ? eb('obstacle.regionCode', '=', prefix) : eb('obstacle.regionCode', 'like', `${prefix}%`);
    const conditions = [region, eb('project.deletedAt', 'is', null)];
    const org = user.orgId ?? -1;
    if (user.role === 'department') conditions.push(eb.or([eb('obstacle.ownerOrgId', '=', org), eb('project.responsibleOrgId', '=', org)]));
    if (user.role === 'reporter') conditions.push(eb('project.ownerOrgId', '=', org));
    return eb.and(conditions);
  };
}

/** The ladder's view of the user: the office runs it; the owner department resolves. */
export function ladderActor(user: SessionUser, ownerOrgId: number | null): LadderActor {
  return { userId: user.id, isOffice: user.role === 'office', isOwner: user.role === 'department' && user.orgId != null && user.orgId === ownerOrgId };
}

/** Someone who may do anything: a refusal that goes away for them is about the role, not the state. */
export const ANYONE: LadderActor = { userId: -1, isOffice: true, isOwner: true };

/** Refuses a move that does not exist: 403 when it is about who acts, 422 when about the state. */
export function assertTransition(o: ObstacleRow, user: SessionUser, action: ObstacleAction, to?: ObstacleStage) {
  const state = { status: o.status as ObstacleStatus, stage: o.stage as ObstacleStage, resolvedBy: o.resolvedBy };
  const r = checkTransition(state, action, ladderActor(user, o.ownerOrgId), to);
  if (r.ok) return r;
  const isAboutRole = checkTransition(state, action, ANYONE, to).ok && !(action === 'close' && o.resolvedBy === user.id);
  throw new AppError(isAboutRole ? 'forbidden' : 'unprocessable', r.reason);
}

