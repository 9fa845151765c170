import type {
  ApprovalItem, ApprovalStatus, Category, Currency, FUNDING_SOURCES, Industry, KeyListLevel, Nature, NodeKind, Stage,
} from '@tuijin/core';

// Shapes of the project API (docs/api.md, Ledger). Money is integer yuan, dates 'YYYY-MM-DD'.

export type FundingSourceKind = keyof typeof FUNDING_SOURCES;

export interface ForeignAmount {
  amount: number;
  currency: Currency;
  rate: string;
}

export interface FundingSourceRow {
  source: FundingSourceKind;
  amount: number;
}

/** The editable fields of a project, as PATCH /projects/:id takes them. */
export interface ProjectFields {
  code: string | null;
  name: string;
  regionCode: string;
  category: Category;
  industry: Industry;
  nature: Nature;
  townshipId: number | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  sitePolygon: [number, number][] | null;
  ownerOrgId: number | null;
  contentScale: string | null;
  totalInvestment: number;
  foreign: ForeignAmount | null;
  fundingSources: FundingSourceRow[];
  annualRevenue: number | null;
  annualProfitTax: number | null;
  tags: string[];
  // 五个一 / 四位一体
  leaderId: number | null;
  firstResponsibleId: number | null;
  responsibleOrgId: number | null;
  bankOrgId: number | null;
  contactId: number | null;
  team: string | null;
  implementationPlan: string | null;
  // 四定两保
  commitStartDate: string | null;
  commitCompletionDate: string | null;
  commitProductionDate: string | null;
  commitTarget: string | null;
  commitDuty: string | null;
  commitRewardPenalty: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  actualProductionDate: string | null;
}

export type ProjectFieldName = keyof ProjectFields;

export interface KeyListEntry {
  id: number;
  year: number;
  level: KeyListLevel;
  docNo: string | null;
}

export interface AnnualPlan {
  id: number;
  year: number;
  plan: number;
  target: number;
  monthly: number[] | null;
  progressGoal: string | null;
  completed: number;
  completedThrough: string | null;
  completedLastYear: number | null;
  version: number;
}

export interface ProjectNode {
  id: number;
  kind: NodeKind;
  name: string;
  plannedDate: string;
  actualDate: string | null;
  responsibleOrgId: number | null;
  responsibleOrgName: string | null;
  note: string | null;
  version: number;
}

export interface Approval {
  item: ApprovalItem;
  status: ApprovalStatus;
  doneDate: string | null;
  docNo: string | null;
  authority: string | null;
  note: string | null;
  /** null while the item has never been saved (shown as 未办理). */
  version: number | null;
}

export interface StageRecord {
  fromStage: Stage | null;
  toStage: Stage;
  date: string;
  note: string | null;
  at: string;
  username: string | null;
}

export interface ProjectDetail extends ProjectFields {
  id: number;
  stage: Stage;
  stageDate: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  regionName: string | null;
  townshipName: string | null;
  ownerOrgName: string | null;
  leaderName: string | null;
  firstResponsibleName: string | null;
  responsibleOrgName: string | null;
  bankOrgName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  keyLists: KeyListEntry[];
  plans: AnnualPlan[];
  nodes: ProjectNode[];
  approvals: Approval[];
  stageHistory: StageRecord[];
  nextStages: Stage[];
  canEdit: boolean;
}

export interface HistoryChange {
  field: string;
  label: string | null;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: number;
  at: string;
  username: string | null;
  action: string;
  objectType: string;
  /** The server's Chinese name of the object type (项目, 关键节点…), when it sends one. */
  objectLabel?: string;
  objectId: string | null;
  changes: HistoryChange[];
}
