import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Table shapes as the application sees them (camelCase through CamelCasePlugin).
// Booleans are stored as 0/1 integers so both dialects read them alike.

type Id = Generated<number>;
type Flag = ColumnType<number, number | undefined, number>;
type Version = ColumnType<number, number | undefined, number>;

export interface RegionTable {
  code: string; name: string; level: string; parentCode: string | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface OrgTable {
  id: Id; kind: string; name: string; shortName: string | null; regionCode: string; uscc: string | null;
  address: string | null; contactName: string | null; contactPhoneEnc: string | null; deletedAt: string | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface PersonTable {
  id: Id; name: string; title: string | null; phoneEnc: string | null; orgId: number | null; regionCode: string;
  deletedAt: string | null; version: Version; createdAt: string; updatedAt: string;
}

export interface AppUserTable {
  id: Id; username: string; displayName: string; role: string; regionCode: string; orgId: number | null;
  personId: number | null; passwordHash: string; passwordHistory: ColumnType<string, string | undefined, string>;
  passwordChangedAt: string; mustChangePassword: Flag; disabled: Flag; lastLoginAt: string | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface SessionTable {
  idHash: string; userId: number; createdAt: string; lastSeenAt: string; ip: string | null; userAgent: string | null;
}

export interface LoginThrottleTable {
  username: string; failures: number; windowStart: string; lockedUntil: string | null;
}

export interface AuditEventTable {
  id: Id; at: string; userId: number | null; username: string | null; role: string | null; ip: string | null;
  action: string; objectType: string; objectId: string | null; projectId: number | null; result: string;
  before: string | null; after: string | null; prevHash: string; hash: string;
}

export interface AuditHeadTable { id: number; lastId: number; hash: string }
export interface DataVersionTable { domain: string; version: number }

export interface ProjectTable {
  id: Id; regionCode: string; code: string | null; name: string; nameKey: string; category: string;
  industry: string; nature: string; stage: string; stageDate: string | null; resumeStage: string | null;
  townshipId: number | null; address: string | null; lng: number | null; lat: number | null;
  sitePolygon: string | null; ownerOrgId: number | null; contentScale: string | null; totalInvestment: number;
  foreignAmount: number | null; foreignCurrency: string | null; foreignRate: string | null;
  fundingSources: ColumnType<string, string | undefined, string>; annualRevenue: number | null;
  annualProfitTax: number | null; tags: ColumnType<string, string | undefined, string>;
  leaderId: number | null; firstResponsibleId: number | null; responsibleOrgId: number | null;
  bankOrgId: number | null; contactId: number | null; team: string | null; implementationPlan: string | null;
  commitStartDate: string | null; commitCompletionDate: string | null; commitProductionDate: string | null;
  commitTarget: string | null; commitDuty: string | null; commitRewardPenalty: string | null;
  actualStartDate: string | null; actualCompletionDate: string | null; actualProductionDate: string | null;
  createdBy: number | null; updatedBy: number | null; deletedAt: string | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface ProjectKeyListTable {
  id: Id; projectId: number; year: number; level: string; docNo: string | null; createdAt: string;
}

export interface AnnualPlanTable {
  id: Id; projectId: number; year: number; plan: number; target: number; monthly: string | null;
  progressGoal: string | null; completed: ColumnType<number, number | undefined, number>;
  completedThrough: string | null; completedLastYear: number | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface ProjectNodeTable {
  id: Id; projectId: number; kind: string; name: string; plannedDate: string; actualDate: string | null;
  responsibleOrgId: number | null; note: string | null; version: Version; createdAt: string; updatedAt: string;
}

export interface ProjectApprovalTable {
  id: Id; projectId: number; item: string; status: string; doneDate: string | null; docNo: string | null;
  authority: string | null; note: string | null; version: Version; createdAt: string; updatedAt: string;
}

export interface StageTransitionTable {
  id: Id; projectId: number; fromStage: string | null; toStage: string; date: string; note: string | null;
  userId: number | null; at: string;
}

export interface ImportBatchTable {
  id: Id; kind: string; regionCode: string; userId: number; filename: string; sha256: string; size: number;
  status: string; year: number | null; options: ColumnType<string, string | undefined, string>; summary: string | null;
  version: Version; createdAt: string; updatedAt: string; committedAt: string | null;
}

export interface ReportingPeriodTable {
  id: Id; regionCode: string; period: string; deadline: string; status: string; note: string | null;
  openedAt: string; openedBy: number | null; closedAt: string | null; closedBy: number | null;
  archiveKey: string | null; archiveSha256: string | null; archiveSize: number | null; archivedAt: string | null;
  version: Version; createdAt: string; updatedAt: string;
}

type Json = ColumnType<string, string | undefined, string>;
type Count = ColumnType<number, number | undefined, number>;

export interface MonthlyReportTable {
  id: Id; projectId: number; periodId: number; period: string; status: string;
  thisMonth: number | null; ytd: number | null; cumulative: number | null; explanation: string | null;
  funds: Json; progress: string | null; nodesMet: Json; problems: Json; nextPlan: string | null;
  coordination: string | null; noChange: Flag; noChangeReason: string | null; figureNotes: Json;
  startedAt: string | null; submittedAt: string | null; submittedBy: number | null; firstSubmittedAt: string | null;
  reviewedAt: string | null; reviewedBy: number | null; reviewComment: string | null; returnCount: Count;
  remindedAt: string | null; remindCount: Count; updatedBy: number | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface ReportEventTable {
  id: Id; reportId: number; action: string; fromStatus: string | null; toStatus: string; comment: string | null;
  userId: number | null; at: string;
}

export interface ShootingPointTable {
  id: Id; projectId: number; name: string; description: string | null; lng: number | null; lat: number | null;
  sort: Count; deletedAt: string | null; version: Version; createdAt: string; updatedAt: string;
}

export interface MediaTable {
  id: Id; projectId: number; regionCode: string; reportId: number | null; period: string | null; kind: string;
  format: string; mime: string; filename: string; size: number; sha256: string; phash: string | null;
  originalKey: string; displayKey: string | null; thumbKey: string | null; convertedKey: string | null;
  width: number | null; height: number | null; durationMs: number | null; capturedAt: string | null;
  lng: number | null; lat: number | null; camera: string | null; caption: string | null;
  shootingPointId: number | null; checks: Json; checkStatus: string; sort: Count; uploadedBy: number | null;
  findingId: number | null; visitId: number | null;
  deletedAt: string | null; version: Version; createdAt: string; updatedAt: string;
}

export interface UploadSessionTable {
  id: string; userId: number; projectId: number; reportId: number | null; filename: string; kind: string;
  size: number; received: Count; chunks: Count; parts: Json; caption: string | null; shootingPointId: number | null;
  status: string; mediaId: number | null; createdAt: string; updatedAt: string; expiresAt: string;
  findingId: number | null; visitId: number | null;
}

export interface ObstacleTable {
  id: Id; projectId: number; regionCode: string; kind: string; description: string; source: string;
  sourceId: number | null; ownerOrgId: number | null; leaderId: number | null; deadline: string | null;
  status: string; raisedBy: number | null; raisedAt: string; closedAt: string | null; resolution: string | null;
  stage: ColumnType<string, string | undefined, string>; stageAt: string | null; escalateAt: string | null;
  resolvedAt: string | null; resolvedBy: number | null; confirmedBy: number | null; title: string | null; meetingId: number | null;
  /** The deadline the ladder runs against (the given one, or raised date + the default); set by features/obstacles. */
  dueOn: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version; createdAt: string; updatedAt: string;
}

export interface ObstacleStepTable {
  id: Id; obstacleId: number; step: string; fromStage: string | null; toStage: string | null; docNo: string | null;
  note: string | null; isAuto: Flag; userId: number | null; at: string;
}

export interface WarningTable {
  id: Id; projectId: number; regionCode: string; rule: string; level: string; reason: string; facts: Json;
  since: string; updatedAt: string; clearedAt: string | null;
}

export interface WarningEventTable {
  id: Id; warningId: number; event: string; fromLevel: string | null; toLevel: string | null; reason: string | null; at: string;
}

export interface InspectionTable {
  id: Id; regionCode: string; title: string; plannedDate: string; status: string; team: Json; note: string | null;
  createdBy: number | null; finishedAt: string | null; version: Version; createdAt: string; updatedAt: string;
}

export interface InspectionProjectTable { id: Id; inspectionId: number; projectId: number }

export interface FindingTable {
  id: Id; inspectionId: number; projectId: number; inspectorId: number | null; visitedOn: string; reportId: number | null;
  observedProgress: string | null; observedStage: string | null; observed: Json; comparison: Json; booksAhead: Flag;
  rating: string | null; demands: Json; note: string | null; status: string; version: Version; createdAt: string; updatedAt: string;
}

export interface MeetingTable {
  id: Id; regionCode: string; title: string; heldOn: string; place: string | null; status: string; chair: string | null;
  attendees: Json; summary: string | null; createdBy: number | null; version: Version; createdAt: string; updatedAt: string;
}

export interface MeetingItemTable {
  id: Id; meetingId: number; sort: Count; source: string; sourceId: number | null; projectId: number | null; title: string;
  background: string | null; reported: string | null; decided: string | null; reporter: string | null;
  /** Set when the office rewords an item (a rebuild keeps its words); removedAt when it takes an item off (a rebuild leaves it off). */
  isEdited: Flag; removedAt: string | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface ActionItemTable {
  id: Id; meetingId: number | null; meetingItemId: number | null; projectId: number | null; regionCode: string; description: string;
  ownerOrgId: number | null; ownerPersonId: number | null; deadline: string | null; status: string; doneAt: string | null;
  doneNote: string | null; doneBy: number | null; version: Version; createdAt: string; updatedAt: string;
}

export interface SiteVisitTable {
  id: Id; regionCode: string; leaderId: number; projectId: number; visitedOn: string; days: ColumnType<number, number | undefined, number>;
  found: string | null; decided: string | null; createdBy: number | null; version: Version; createdAt: string; updatedAt: string;
}

export interface NotificationTable {
  id: Id; userId: number; kind: string; title: string; body: string | null; link: string | null;
  createdAt: string; readAt: string | null;
}

export interface JobRunTable { key: string; startedAt: string; finishedAt: string | null; result: string | null }

export interface SettingTable { key: string; value: string; version: Version; updatedAt: string }

export interface BulletinTable {
  id: Id; regionCode: string; period: string; status: string; title: string; docNo: string; issuer: string; issuedOn: string;
  sections: Json; figures: Json; photos: Json; docxKey: string | null; docxSha256: string | null; docxSize: number | null;
  publishedAt: string | null; publishedBy: number | null; createdBy: number | null; version: Version; createdAt: string; updatedAt: string;
}

export interface ScoringSchemeTable {
  id: Id; regionCode: string; version: number; name: string; effectiveFrom: string; document: string; note: string | null;
  createdBy: number | null; createdAt: string;
}

export interface ScoreRunTable {
  id: Id; regionCode: string; period: string; schemeId: number | null; schemeName: string; schemeVersion: number;
  schemeEffectiveFrom: string; scheme: string; status: string; projects: number; computedAt: string; computedBy: number | null;
  publishedAt: string | null; publishedBy: number | null; version: Version; createdAt: string; updatedAt: string;
}

export interface ScoreTable {
  id: Id; runId: number; subjectKind: string; subjectKey: string; name: string; total: number; base: number; bonus: number;
  rank: number; flag: string | null; projects: number | null; items: string;
}

export interface AssessmentAwardTable {
  id: Id; regionCode: string; year: number; subjectKind: string; subjectKey: string; subjectName: string; kind: string;
  title: string; detail: string | null; docNo: string | null; decidedOn: string; createdBy: number | null;
  version: Version; createdAt: string; updatedAt: string;
}

export interface AnnualSummaryTable {
  id: Id; regionCode: string; year: number; text: string; basis: ColumnType<string, string | undefined, string>;
  version: Version; createdAt: string; updatedAt: string; updatedBy: number | null;
}

export interface DB {
  region: RegionTable;
  org: OrgTable;
  person: PersonTable;
  appUser: AppUserTable;
  session: SessionTable;
  loginThrottle: LoginThrottleTable;
  auditEvent: AuditEventTable;
  auditHead: AuditHeadTable;
  dataVersion: DataVersionTable;
  project: ProjectTable;
  projectKeyList: ProjectKeyListTable;
  annualPlan: AnnualPlanTable;
  projectNode: ProjectNodeTable;
  projectApproval: ProjectApprovalTable;
  stageTransition: StageTransitionTable;
  setting: SettingTable;
  importBatch: ImportBatchTable;
  reportingPeriod: ReportingPeriodTable;
  monthlyReport: MonthlyReportTable;
  reportEvent: ReportEventTable;
  shootingPoint: ShootingPointTable;
  media: MediaTable;
  uploadSession: UploadSessionTable;
  obstacle: ObstacleTable;
  notification: NotificationTable;
  jobRun: JobRunTable;
  obstacleStep: ObstacleStepTable;
  warning: WarningTable;
  warningEvent: WarningEventTable;
  inspection: InspectionTable;
  inspectionProject: InspectionProjectTable;
  finding: FindingTable;
  meeting: MeetingTable;
  meetingItem: MeetingItemTable;
  actionItem: ActionItemTable;
  siteVisit: SiteVisitTable;
  bulletin: BulletinTable;
  scoringScheme: ScoringSchemeTable;
  scoreRun: ScoreRunTable;
  score: ScoreTable;
  assessmentAward: AssessmentAwardTable;
  annualSummary: AnnualSummaryTable;
}

export type Project = Selectable<ProjectTable>;
export type NewProject = Insertable<ProjectTable>;
export type ProjectPatch = Updateable<ProjectTable>;
export type Org = Selectable<OrgTable>;
export type Person = Selectable<PersonTable>;
export type AppUser = Selectable<AppUserTable>;
export type MonthlyReport = Selectable<MonthlyReportTable>;
export type ReportingPeriod = Selectable<ReportingPeriodTable>;
export type Media = Selectable<MediaTable>;
