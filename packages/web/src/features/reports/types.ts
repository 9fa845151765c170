import type { CheckResult, CheckStatus, ObstacleKind, Punctuality, ReportStatus } from '@tuijin/core';

// The shapes the server answers for the monthly report (features/reports/present.ts,
// features/media/present.ts, features/periods/present.ts on the server).

export interface MediaItem {
  id: number;
  projectId: number;
  reportId: number | null;
  period: string | null;
  kind: 'photo' | 'video';
  format: string;
  mime: string;
  filename: string;
  size: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  capturedAt: string | null;
  lng: number | null;
  lat: number | null;
  camera: string | null;
  caption: string | null;
  shootingPointId: number | null;
  shootingPointName: string | null;
  sort: number;
  checks: CheckResult[];
  checkStatus: CheckStatus;
  checkStatusLabel: string;
  urls: { thumb: string | null; display: string | null; original: string };
  uploadedAt: string;
  uploadedByName: string | null;
  version: number;
}

export interface ReportSummary {
  id: number;
  projectId: number;
  projectName: string;
  projectCode: string | null;
  ownerOrgName: string | null;
  responsibleOrgName: string | null;
  period: string;
  periodId: number;
  status: ReportStatus;
  statusLabel: string;
  isStarted: boolean;
  deadline: string;
  punctuality: Punctuality;
  submittedAt: string | null;
  reviewedAt: string | null;
  thisMonth: number | null;
  ytd: number | null;
  cumulative: number | null;
  noChange: boolean;
  returnCount: number;
  remindCount: number;
  remindedAt: string | null;
  reviewComment: string | null;
  photoCount: number;
  failedCount: number;
  flaggedCount: number;
  version: number;
}

export interface ReportProblem {
  kind: ObstacleKind;
  kindLabel?: string;
  description: string;
  obstacleId?: number | null;
}

export interface ShootingPoint {
  id: number;
  name: string;
  description: string | null;
  lng?: number | null;
  lat?: number | null;
  sort?: number;
  version?: number;
}

export interface ReportDetail extends ReportSummary {
  project: { id: number; name: string; code: string | null; stage: string; totalInvestment: number; ownerOrgName: string | null; responsibleOrgName: string | null; lng: number | null; lat: number | null; hasOutline: boolean };
  periodStatus: 'open' | 'closed';
  explanation: string | null;
  funds: { source: string; amount: number }[];
  progress: string | null;
  nodesMet: { nodeId: number; date: string }[];
  problems: ReportProblem[];
  nextPlan: string | null;
  coordination: string | null;
  noChangeReason: string | null;
  figureNotes: { code: string; field: string; message: string }[];
  previous: { ytd: number | null; cumulative: number | null; period: string | null };
  proposal: { thisMonth: number; ytd: number | null; cumulative: number | null };
  plan: { plan: number; target: number; monthly: number[] | null; completed: number; completedThrough: string | null } | null;
  nodes: { id: number; name: string; kind: string; plannedDate: string; actualDate: string | null }[];
  media: MediaItem[];
  points: ShootingPoint[];
  settings: { minPhotos: number; maxImageMb: number; maxVideoMb: number };
  submittedByName: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  history: { action: string; fromStatus: string | null; toStatus: string; comment: string | null; at: string; userName: string | null }[];
  canEdit: boolean;
  canSubmit: boolean;
  canReview: boolean;
  /** Sending back needs an open month: after closing, a report sent in time is only approved. */
  canReturn: boolean;
}

export interface PeriodCounts {
  total: number; notStarted: number; draft: number; submitted: number; returned: number; approved: number; late: number; missing: number;
}

export interface PeriodView {
  id: number;
  regionCode: string;
  regionName: string;
  period: string;
  deadline: string;
  status: 'open' | 'closed';
  statusLabel: string;
  note: string | null;
  openedAt: string;
  isAutoOpened: boolean;
  closedAt: string | null;
  archive: { at: string | null; size: number | null; sha256: string | null; url: string } | null;
  counts: PeriodCounts;
  canManage: boolean;
  canDownloadArchive: boolean;
  version: number;
}

export interface ProjectMonths {
  projectId: number;
  totalInvestment: number;
  reports: { id: number; period: string; status: ReportStatus; statusLabel: string; deadline: string; thisMonth: number | null; ytd: number | null; cumulative: number | null; noChange: boolean; progress: string | null; submittedAt: string | null; isLate: boolean }[];
  plans: { year: number; plan: number; target: number; monthly: number[] | null; completed: number; completedThrough: string | null }[];
}

export interface ProjectMedia {
  points: ShootingPoint[];
  periods: string[];
  items: MediaItem[];
}

export interface UploadSession {
  id: string;
  filename: string;
  kind: string;
  size: number;
  received: number;
  status: string;
  mediaId: number | null;
  expiresAt: string;
  chunkSize: number;
}

export interface ReportSettingsView {
  settings: { deadlineDay: number; autoOpen: boolean; openDay: number; minPhotos: number; maxDistanceMetres: number; maxHashDistance: number; maxImageMb: number; maxVideoMb: number };
  version: number | null;
  inherited: boolean;
  from: string | null;
  fromName: string | null;
}
