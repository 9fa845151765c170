import { ACTION_DUE_WITHIN_DAYS, type AgendaInputs } from '@tuijin/core';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/kysely';
import type { DB } from '../../db/types';

// What the agenda is built from, read in three set-based queries over the meeting's region:
// open obstacles at 督办/约谈 or past their deadline, live red warnings, and open action items
// falling due by a week after the meeting (core/supervision/agenda.ts decides the rest).

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function inRegion(prefix: string) {
  return (eb: ExpressionBuilder<DB, 'project'>) => eb.and([
    prefix.length === 6 ? eb('project.regionCode', '=', prefix) : eb('project.regionCode', 'like', `${prefix}%`),
    eb('project.deletedAt', 'is', null),
  ]);
}

/** `prefix` bounds the region (a county's code, or a city's/province's prefix); `meetingId` is left out of the action items. */
export async function gatherAgendaInputs(db: Executor, prefix: string, date: string, meetingId: number | null): Promise<AgendaInputs> {
  const [obstacles, warnings, actions] = await Promise.all([
    db.selectFrom('obstacle')
      .innerJoin('project', 'project.id', 'obstacle.projectId')
      .leftJoin('org as owner', 'owner.id', 'obstacle.ownerOrgId')
      .leftJoin('person as leader', 'leader.id', 'obstacle.leaderId')
      .select([
        'obstacle.id', 'obstacle.projectId', 'project.name as projectName', 'obstacle.kind', 'obstacle.title', 'obstacle.description',
        'obstacle.stage', 'obstacle.stageAt', 'obstacle.status', 'owner.name as ownerOrgName', 'leader.name as leaderName',
        // The deadline the ladder runs against: the given one, or the default one it was set.
        sql<string | null>`coalesce(${sql.ref('obstacle.dueOn')}, ${sql.ref('obstacle.deadline')})`.as('deadline'),
      ])
      .where(inRegion(prefix))
      .where('obstacle.status', '=', 'open')
      .where((eb) => eb.or([
        eb('obstacle.stage', 'in', ['supervised', 'interviewed']),
        eb(sql`coalesce(${sql.ref('obstacle.dueOn')}, ${sql.ref('obstacle.deadline')})`, '<', date),
      ]))
      .orderBy('obstacle.id')
      .execute(),
    db.selectFrom('warning')
      .innerJoin('project', 'project.id', 'warning.projectId')
      .leftJoin('org as responsible', 'responsible.id', 'project.responsibleOrgId')
      .leftJoin('person as leader', 'leader.id', 'project.leaderId')
      .select(['warning.id', 'warning.projectId', 'project.name as projectName', 'warning.rule', 'warning.level', 'warning.reason', 'warning.since', 'responsible.name as responsibleOrgName', 'leader.name as leaderName'])
      .where(inRegion(prefix))
      .where('warning.clearedAt', 'is', null)
      .where('warning.level', '=', 'red')
      .orderBy('warning.id')
      .execute(),
    db.selectFrom('actionItem')
      .leftJoin('project', 'project.id', 'actionItem.projectId')
      .leftJoin('org as owner', 'owner.id', 'actionItem.ownerOrgId')
      .leftJoin('person as ownerPerson', 'ownerPerson.id', 'actionItem.ownerPersonId')
      .leftJoin('meeting', 'meeting.id', 'actionItem.meetingId')
      .select([
        'actionItem.id', 'actionItem.projectId', 'project.name as projectName', 'actionItem.description', 'actionItem.deadline', 'actionItem.status',
        'owner.name as ownerOrgName', 'ownerPerson.name as ownerPersonName', 'meeting.title as meetingTitle', 'meeting.heldOn as meetingHeldOn',
      ])
      .where(prefix.length === 6 ? sql<boolean>`action_item.region_code = ${prefix}` : sql<boolean>`action_item.region_code like ${`${prefix}%`}`)
      .where('actionItem.status', '=', 'open')
      .where('actionItem.deadline', '<=', addDays(date, ACTION_DUE_WITHIN_DAYS))
      // An action item of a deleted project has nothing left to decide.
      .where((eb) => eb.or([eb('actionItem.projectId', 'is', null), eb('project.deletedAt', 'is', null)]))
      .where((eb) => eb.or([eb('actionItem.meetingId', 'is', null), eb('actionItem.meetingId', '!=', meetingId ?? -1)]))
      .orderBy('actionItem.id')
      .execute(),
  ]);
  return { date, obstacles, warnings, actions };
}
