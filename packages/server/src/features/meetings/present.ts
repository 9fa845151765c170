import {
  ACTION_STATUS_LABEL, actionDaysOverdue, AGENDA_SOURCE_LABEL, isActionOverdue, MEETING_STATUS_LABEL,
  type ActionStatus, type AgendaSource, type Attendee, type MeetingStatus,
} from '@tuijin/core';
import type { SessionUser } from '../../lib/context';
import { can } from '../../lib/permissions';
import { parseJson } from '../../lib/records';
import type { ActionItemRow, MeetingItemRow, MeetingRow } from './queries';

/** The office of the meeting's own region runs it; a city sees a county's meetings but does not. */
export function managesMeeting(user: SessionUser, m: Pick<MeetingRow, 'regionCode'>): boolean {
  return can(user, 'manageMeetings') && m.regionCode === user.regionCode;
}

/** The department an action item is assigned to reports it done; the office does anything. */
export function actionRights(user: SessionUser, a: Pick<ActionItemRow, 'regionCode' | 'ownerOrgId' | 'meetingStatus' | 'meetingId'>) {
  const isOffice = can(user, 'manageMeetings') && a.regionCode === user.regionCode;
  const isOwner = user.role === 'department' && user.orgId != null && a.ownerOrgId === user.orgId;
  // What was decided is fixed once the minutes are final; its progress is not.
  const isWordingOpen = a.meetingId == null || a.meetingStatus !== 'closed';
  return { isOffice, isOwner, canEdit: isOffice && isWordingOpen, canSetStatus: isOffice || isOwner };
}

export function presentActionItem(user: SessionUser, a: ActionItemRow, today: string) {
  const rights = actionRights(user, a);
  return {
    id: a.id, meetingId: a.meetingId, meetingTitle: a.meetingTitle, meetingHeldOn: a.meetingHeldOn, meetingItemId: a.meetingItemId,
    projectId: a.projectId, projectName: a.projectName, description: a.description,
    ownerOrgId: a.ownerOrgId, ownerOrgName: a.ownerOrgName, ownerPersonId: a.ownerPersonId, ownerPersonName: a.ownerPersonName,
    deadline: a.deadline, status: a.status as ActionStatus, statusLabel: ACTION_STATUS_LABEL[a.status as ActionStatus] ?? a.status,
    isOverdue: isActionOverdue(a, today), daysOverdue: actionDaysOverdue(a, today),
    doneAt: a.doneAt, doneNote: a.doneNote, doneByName: a.doneByName,
    canEdit: rights.canEdit, canSetStatus: rights.canSetStatus, canCancel: rights.isOffice,
    version: a.version, createdAt: a.createdAt, updatedAt: a.updatedAt,
  };
}
export type ActionItemView = ReturnType<typeof presentActionItem>;

/** Where an item's source is read in full. */
function linkOf(i: MeetingItemRow): string | null {
  if (i.source === 'obstacle' && i.sourceId) return `/obstacles/${i.sourceId}`;
  if (i.projectId) return `/projects/${i.projectId}`;
  return null;
}

export function presentMeetingItem(i: MeetingItemRow, actions: ActionItemView[]) {
  return {
    id: i.id, sort: i.sort, source: i.source as AgendaSource, sourceLabel: AGENDA_SOURCE_LABEL[i.source as AgendaSource] ?? i.source,
    sourceId: i.sourceId, projectId: i.projectId, projectName: i.projectName, title: i.title, background: i.background,
    reporter: i.reporter, reported: i.reported, decided: i.decided, isEdited: i.isEdited === 1, link: linkOf(i),
    actions: actions.filter((a) => a.meetingItemId === i.id), version: i.version,
  };
}
export type MeetingItemView = ReturnType<typeof presentMeetingItem>;

export function presentMeetingSummary(user: SessionUser, m: MeetingRow, counts: { items: number; actions: number; openActions: number; overdueActions: number }) {
  const status = m.status as MeetingStatus;
  return {
    id: m.id, regionCode: m.regionCode, title: m.title, heldOn: m.heldOn, place: m.place, chair: m.chair,
    status, statusLabel: MEETING_STATUS_LABEL[status] ?? m.status, counts,
    canManage: managesMeeting(user, m), version: m.version, createdAt: m.createdAt, updatedAt: m.updatedAt,
  };
}

export function presentMeeting(user: SessionUser, m: MeetingRow, items: MeetingItemRow[], actions: ActionItemView[]) {
  const live = items.filter((i) => i.removedAt == null);
  const canManage = managesMeeting(user, m);
  return {
    ...presentMeetingSummary(user, m, {
      items: live.length, actions: actions.length,
      openActions: actions.filter((a) => a.status === 'open').length, overdueActions: actions.filter((a) => a.isOverdue).length,
    }),
    attendees: parseJson<Attendee[]>(m.attendees, []), summary: m.summary,
    canEdit: canManage && m.status !== 'closed',
    /** The agenda rebuilds itself only before the meeting. */
    canRebuild: canManage && m.status === 'draft',
    items: live.map((i) => presentMeetingItem(i, actions)),
    removedItems: items.filter((i) => i.removedAt != null).map((i) => ({ id: i.id, title: i.title, source: i.source as AgendaSource, removedAt: i.removedAt })),
    actions,
    minutesUrl: `/api/v1/meetings/${m.id}/minutes.docx`,
  };
}
export type MeetingView = ReturnType<typeof presentMeeting>;
