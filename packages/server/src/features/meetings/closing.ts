import { regionPrefix } from '@tuijin/core';
import type { Tx } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { notifyEach } from '../notifications/service';
import { recordDiscussion } from '../obstacles/raise';
import type { MeetingRow } from './queries';

// What final minutes set off beyond the meeting itself.

/**
 * Each obstacle on the final agenda was discussed at the meeting: obstacles' own use case links it
 * to the meeting (obstacle.meeting_id) and gives its ladder a 'discussed' step saying what was
 * decided, without touching the version users edit against. The meeting's close is the one
 * audited write; the obstacles it linked are named in that record.
 */
export async function linkDiscussedObstacles(tx: Tx, user: SessionUser, m: MeetingRow, at: string): Promise<number[]> {
  const items = await tx.selectFrom('meetingItem')
    .innerJoin('obstacle', 'obstacle.id', 'meetingItem.sourceId')
    .select(['obstacle.id', 'meetingItem.decided'])
    .where('meetingItem.meetingId', '=', m.id).where('meetingItem.source', '=', 'obstacle').where('meetingItem.removedAt', 'is', null)
    .where('obstacle.regionCode', 'like', `${regionPrefix(m.regionCode)}%`)
    .execute();
  for (const i of items) {
    await recordDiscussion(tx, user.id, { obstacleId: i.id, meetingId: m.id, note: i.decided ? `${m.title}议定：${i.decided}` : `${m.title}研究` }, at);
  }
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
