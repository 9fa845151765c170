import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';
import { projectScope } from './policy';

/** One project the user may see, with the names of everything it points at. */
export function findProject(db: Executor, user: SessionUser, id: number) {
  return db
    .selectFrom('project')
    .innerJoin('region', 'region.code', 'project.regionCode')
    .leftJoin('org as township', 'township.id', 'project.townshipId')
    .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('org as bank', 'bank.id', 'project.bankOrgId')
    .leftJoin('person as leader', 'leader.id', 'project.leaderId')
    .leftJoin('person as first', 'first.id', 'project.firstResponsibleId')
    .leftJoin('person as contact', 'contact.id', 'project.contactId')
    .selectAll('project')
    .select([
      'region.name as regionName', 'township.name as townshipName', 'owner.name as ownerOrgName',
      'resp.name as responsibleOrgName', 'bank.name as bankOrgName', 'leader.name as leaderName',
      'first.name as firstResponsibleName', 'contact.name as contactName', 'contact.phoneEnc as contactPhoneEnc',
    ])
    .where(projectScope(user))
    .where('project.id', '=', id)
    .executeTakeFirst();
}
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export async function findProjectParts(db: Executor, projectId: number) {
  const [keyLists, plans, nodes, approvals, stageHistory] = await Promise.all([
    db.selectFrom('projectKeyList').select(['id', 'year', 'level', 'docNo']).where('projectId', '=', projectId).orderBy('year', 'desc').orderBy('level').execute(),
    db.selectFrom('annualPlan').selectAll().where('projectId', '=', projectId).orderBy('year', 'desc').execute(),
    db
      .selectFrom('projectNode')
      .leftJoin('org', 'org.id', 'projectNode.responsibleOrgId')
      .selectAll('projectNode')
      .select('org.name as responsibleOrgName')
      .where('projectNode.projectId', '=', projectId)
      .orderBy('projectNode.plannedDate')
      .orderBy('projectNode.id')
      .execute(),
    db.selectFrom('projectApproval').selectAll().where('projectId', '=', projectId).execute(),
    db
      .selectFrom('stageTransition')
      .leftJoin('appUser', 'appUser.id', 'stageTransition.userId')
      .select(['stageTransition.fromStage', 'stageTransition.toStage', 'stageTransition.date', 'stageTransition.note', 'stageTransition.at', 'appUser.displayName as username'])
      .where('stageTransition.projectId', '=', projectId)
      .orderBy('stageTransition.id', 'desc')
      .execute(),
  ]);
  return { keyLists, plans, nodes, approvals, stageHistory };
}
export type ProjectParts = Awaited<ReturnType<typeof findProjectParts>>;
