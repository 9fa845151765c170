import type { ActionStatus, AgendaSource, MeetingStatus } from '@tuijin/core';

// The shapes the server answers for joint meetings and action items (server features/meetings/present.ts).

export interface ActionItem {
  id: number;
  meetingId: number | null;
  meetingTitle: string | null;
  meetingHeldOn: string | null;
  meetingItemId: number | null;
  projectId: number | null;
  projectName: string | null;
  description: string;
  ownerOrgId: number | null;
  ownerOrgName: string | null;
  ownerPersonId: number | null;
  ownerPersonName: string | null;
  deadline: string | null;
  status: ActionStatus;
  statusLabel: string;
  isOverdue: boolean;
  daysOverdue: number;
  doneAt: string | null;
  doneNote: string | null;
  doneByName: string | null;
  canEdit: boolean;
  canSetStatus: boolean;
  canCancel: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ActionCounts { open: number; overdue: number; done: number; cancelled: number }

export interface ActionList { items: ActionItem[]; total: number; page: number; pageSize: number; counts: ActionCounts }

export interface MeetingItem {
  id: number;
  sort: number;
  source: AgendaSource;
  sourceLabel: string;
  sourceId: number | null;
  projectId: number | null;
  projectName: string | null;
  title: string;
  background: string | null;
  reporter: string | null;
  reported: string | null;
  decided: string | null;
  isEdited: boolean;
  link: string | null;
  actions: ActionItem[];
  version: number;
}

export interface MeetingCounts { items: number; actions: number; openActions: number; overdueActions: number }

export interface MeetingSummary {
  id: number;
  regionCode: string;
  title: string;
  heldOn: string;
  place: string | null;
  chair: string | null;
  status: MeetingStatus;
  statusLabel: string;
  counts: MeetingCounts;
  canManage: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Attendee { name: string; unit: string | null }

export interface MeetingView extends MeetingSummary {
  attendees: Attendee[];
  summary: string | null;
  canEdit: boolean;
  canRebuild: boolean;
  items: MeetingItem[];
  removedItems: { id: number; title: string; source: AgendaSource; removedAt: string }[];
  actions: ActionItem[];
  minutesUrl: string;
}
