import { regionPrefix } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { notifyEach } from '../notifications/service';
import type { MeetingRow } from './queries';

// What final minutes set off beyond the meeting itself.

/**
 * Each obstacle the meeting reached (an item with something recorded; the others were not
 * reached and wait for the next meeting) was discussed: it is linked to the meeting
 * (obstacle.meeting_id) and its ladder gets a 'discussed' step saying what was decided (its stage
 * unchanged). Neither is a field anyone edits on the obstacle, so its version stays (no one's
 * open form goes stale). The meeting's close is the one audited write; it names these obstacles.
 */
export async function linkDiscussedObstacles(tx: Tx, user: SessionUser, m: MeetingRow, at: string): Promise<number[]> {
  const items = await tx.selectFrom('meetingItem')
    .innerJoin('obstacle', 'obstacle.id', 'meetingItem.sourceId')
    .select(['obstacle.id', 'obstacle.stage', 'meetingItem.decided'])
    .where('meetingItem.meetingId', '=', m.id).where('meetingItem.source', '=', 'obstacle').where('meetingItem.removedAt', 'is', null)
    // Reached at the meeting: something reported or decided, or an action item given on it.
    .where((eb) => eb.or([
      eb('meetingItem.reported', 'is not', null), eb('meetingItem.decided', 'is not', null),
      eb.exists(eb.selectFrom('actionItem').select('actionItem.id').whereRef('actionItem.meetingItemId', '=', 'meetingItem.id')),
    ]))
    .where('obstacle.regionCode', 'like', `${regionPrefix(m.regionCode)}%`)
    .execute();
  if (!items.length) return [];
  await tx.updateTable('obstacle').set({ meetingId: m.id }).where('id', 'in', items.map((i) => i.id)).execute();
  await tx.insertInto('obstacleStep').values(items.map((i) => ({
    obstacleId: i.id, step: 'discussed', fromStage: i.stage, toStage: i.stage, docNo: null,
    note: i.decided ? `${m.title}议定：${i.decided}` : `${m.title}研究`, isAuto: 0, userId: user.id > 0 ? user.id : null, at,
  }))).execute();
  return items.map((i) => i.id);
}

/** Tells each unit (and person with an account) given an open action item what it is to do, by when. */
export async function notifyActionOwners(tx: Tx, m: MeetingRow, at: string): Promise<number> {
  const actions = await tx.selectFrom('actionItem').select(['id', 'description', 'deadline', 'ownerOrgId', 'ownerPersonId'])
    .where('meetingId', '=', m.id).where('status', '=', 'open').execute();
  if (!actions.length) return 0;
  const orgIds = [...new Set(actions.map((a) => a.ownerOrgId).filter((v): v is number => v != null))];
  const personIds = [...new Set(actions.map((a) => a.ownerPersonId).filter((v): v is number => v != null))];
  const users = await tx.selectFrom('appUser').select(['id', 'orgId', 'personId']).where('disabled', '=', 0)
    .where((eb) => eb.or([eb('orgId', 'in', orgIds.length ? orgIds : [-1]), eb('personId', 'in', personIds.length ? personIds : [-1])]))
    // Only those who act on action items: a unit's own accounts, and people who are leaders.
    .where('role', 'in', ['department', 'leader'])
    .execute();
  const notices = actions.flatMap((a) => [...new Set(users.filter((u) => (a.ownerOrgId != null && u.orgId === a.ownerOrgId) || (a.ownerPersonId != null && u.personId === a.ownerPersonId)).map((u) => u.id))]
    .map((userId) => ({
      userId,
      notice: {
        kind: 'action_assigned', title: `${m.title}交办督办事项`,
        body: `${a.description}${a.deadline ? `（完成时限：${a.deadline}）` : ''}`, link: '/meetings?tab=actions',
      },
    })));
  return notifyEach(tx, notices, at);
}
