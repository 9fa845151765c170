import { APPROVAL_ITEMS, nextStages, type Stage } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { can } from '../../lib/permissions';
import { parseJson } from '../../lib/records';
import { revealPhone } from '../orgs/present';
import type { ProjectParts, ProjectRow } from './queries';

export function presentProject(ctx: AppContext, user: SessionUser, p: ProjectRow, parts: ProjectParts) {
  return {
    id: p.id, code: p.code, name: p.name, regionCode: p.regionCode, regionName: p.regionName,
    category: p.category, industry: p.industry, nature: p.nature, stage: p.stage, stageDate: p.stageDate,
    townshipId: p.townshipId, townshipName: p.townshipName, address: p.address, lng: p.lng, lat: p.lat,
    sitePolygon: parseJson<[number, number][] | null>(p.sitePolygon, null),
    ownerOrgId: p.ownerOrgId, ownerOrgName: p.ownerOrgName, contentScale: p.contentScale,
    totalInvestment: p.totalInvestment,
    foreign: p.foreignAmount != null ? { amount: p.foreignAmount, currency: p.foreignCurrency, rate: p.foreignRate } : null,
    fundingSources: parseJson<{ source: string; amount: number }[]>(p.fundingSources, []),
    annualRevenue: p.annualRevenue, annualProfitTax: p.annualProfitTax, tags: parseJson<string[]>(p.tags, []),
    leaderId: p.leaderId, leaderName: p.leaderName, firstResponsibleId: p.firstResponsibleId,
    firstResponsibleName: p.firstResponsibleName, responsibleOrgId: p.responsibleOrgId,
    responsibleOrgName: p.responsibleOrgName, bankOrgId: p.bankOrgId, bankOrgName: p.bankOrgName,
    contactId: p.contactId, contactName: p.contactName, contactPhone: revealPhone(ctx, user, p.contactPhoneEnc),
    team: p.team, implementationPlan: p.implementationPlan,
    commitStartDate: p.commitStartDate, commitCompletionDate: p.commitCompletionDate,
    commitProductionDate: p.commitProductionDate, commitTarget: p.commitTarget, commitDuty: p.commitDuty,
    commitRewardPenalty: p.commitRewardPenalty, actualStartDate: p.actualStartDate,
    actualCompletionDate: p.actualCompletionDate, actualProductionDate: p.actualProductionDate,
    version: p.version, createdAt: p.createdAt, updatedAt: p.updatedAt,
    keyLists: parts.keyLists,
    plans: parts.plans.map((a) => ({
      id: a.id, year: a.year, plan: a.plan, target: a.target, monthly: parseJson<number[] | null>(a.monthly, null),
      progressGoal: a.progressGoal, completed: a.completed, completedThrough: a.completedThrough,
      completedLastYear: a.completedLastYear, version: a.version,
    })),
    nodes: parts.nodes.map((n) => ({
      id: n.id, kind: n.kind, name: n.name, plannedDate: n.plannedDate, actualDate: n.actualDate,
      responsibleOrgId: n.responsibleOrgId, responsibleOrgName: n.responsibleOrgName, note: n.note, version: n.version,
    })),
    // The whole checklist, in its order; items never touched show as 未办理.
    approvals: APPROVAL_ITEMS.ids.map((item) => {
      const a = parts.approvals.find((x) => x.item === item);
      return {
        item, status: a?.status ?? 'pending', doneDate: a?.doneDate ?? null, docNo: a?.docNo ?? null,
        authority: a?.authority ?? null, note: a?.note ?? null, version: a?.version ?? null,
      };
    }),
    stageHistory: parts.stageHistory,
    nextStages: nextStages(p.stage as Stage, p.resumeStage as Stage | null),
    canEdit: can(user, 'editLedger'),
  };
}
export type ProjectDetail = ReturnType<typeof presentProject>;

export function presentLedgerRow(r: {
  plan: number | null; target: number | null; completed: number | null; [k: string]: unknown;
}) {
  const { plan, target, completed } = r;
  return { ...r, plan: plan ?? 0, target: target ?? 0, completed: completed ?? 0, completionRate: plan ? (completed ?? 0) / plan : null };
}
