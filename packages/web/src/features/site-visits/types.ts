import type { CommitmentStatus } from '@tuijin/core';
import type { MediaItem } from '../reports/types';

// The shapes the server answers for leaders' visits (server features/site-visits/present.ts, commitment.ts).

export interface Visit {
  id: number;
  regionCode: string;
  leaderId: number;
  leaderName: string;
  leaderTitle: string | null;
  projectId: number;
  projectName: string;
  visitedOn: string;
  days: number;
  found: string | null;
  decided: string | null;
  photoCount: number;
  media: MediaItem[] | null;
  createdByName: string | null;
  canEdit: boolean;
  uploadUrl: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VisitDetail extends Visit {
  media: MediaItem[];
  limits: { maxImageMb: number; maxVideoMb: number };
}

export interface LeaderCommitment {
  leaderId: number;
  name: string;
  title: string | null;
  days: number;
  commitment: number;
  shortBy: number;
  isMet: boolean;
  share: number;
  expectedByNow: number;
  status: CommitmentStatus;
  statusLabel: string;
  visitCount: number;
  projectsVisited: { id: number; name: string; days: number }[];
  packagedCount: number;
  notVisitedThisYear: { id: number; name: string }[];
}

export interface CommitmentView {
  month: string;
  today: string;
  commitmentDays: number;
  totals: { leaders: number; met: number; days: number };
  leaders: LeaderCommitment[];
}
