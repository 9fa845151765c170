import { z } from 'zod';
import { ACTION_STATUS_LABEL, type ActionStatus } from '../supervision/catalog';
import { MEETING_STATUS_LABEL, type MeetingStatus } from '../supervision/agenda';
import { date, enumOf, id, idParam, optionalText, pageParam, pageSizeParam, requiredText, version, yearParam } from './fields';

// Inputs of the joint meeting (联席会议): the meeting, its agenda items and minutes, and the
// action items (督办事项) it assigns, tracked across meetings.

const meetingStatus = enumOf(Object.keys(MEETING_STATUS_LABEL) as [MeetingStatus, ...MeetingStatus[]], MEETING_STATUS_LABEL);
export const actionStatus = enumOf(Object.keys(ACTION_STATUS_LABEL) as [ActionStatus, ...ActionStatus[]], ACTION_STATUS_LABEL);

/** Field names of these forms, for the Chinese messages. */
export const MEETING_LABELS: Record<string, string> = {
  title: '会议名称', heldOn: '会议日期', place: '会议地点', chair: '主持人', attendees: '参会人员', name: '姓名',
  unit: '单位及职务', summary: '会议概述', status: '会议状态', itemIds: '议题顺序', year: '年度',
};
export const MEETING_ITEM_LABELS: Record<string, string> = {
  title: '议题名称', background: '议题背景', projectId: '项目', reporter: '汇报人', reported: '汇报情况', decided: '会议议定',
};
export const ACTION_LABELS: Record<string, string> = {
  description: '督办事项', ownerOrgId: '责任单位', ownerPersonId: '责任人', deadline: '完成时限', projectId: '项目',
  meetingItemId: '议题', status: '状态', doneNote: '办结说明', overdue: '是否逾期', meetingId: '会议',
};

export const meetingCreate = z.strictObject({
  title: requiredText(100),
  heldOn: date,
  place: optionalText(100),
  chair: optionalText(50),
});
export type MeetingCreateInput = z.infer<typeof meetingCreate>;

export const attendee = z.strictObject({ name: requiredText(50), unit: optionalText(100) });
export type Attendee = z.infer<typeof attendee>;

export const meetingUpdate = z.strictObject({
  version,
  title: requiredText(100).optional(),
  heldOn: date.optional(),
  place: optionalText(100),
  chair: optionalText(50),
  attendees: z.array(attendee, { error: '必须是人员列表' }).max(200, '最多 200 人').optional(),
  summary: optionalText(4000),
});
export type MeetingUpdateInput = z.infer<typeof meetingUpdate>;

export const meetingStatusInput = z.strictObject({ version, status: meetingStatus });
export const agendaOrder = z.strictObject({
  version,
  itemIds: z.array(id, { error: '必须是议题编号列表' }).min(1, '不能为空').max(300, '议题最多 300 项'),
});

export const meetingListQuery = z.strictObject({
  status: meetingStatus.optional(),
  year: yearParam.optional(),
  page: pageParam,
  pageSize: pageSizeParam(100).default(20),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const meetingItemCreate = z.strictObject({
  title: requiredText(200),
  background: optionalText(4000),
  projectId: id.nullable().optional(),
});
export type MeetingItemCreateInput = z.infer<typeof meetingItemCreate>;

export const meetingItemUpdate = z.strictObject({
  version,
  title: requiredText(200).optional(),
  background: optionalText(4000),
  reporter: optionalText(50),
  reported: optionalText(4000),
  decided: optionalText(4000),
});
export type MeetingItemUpdateInput = z.infer<typeof meetingItemUpdate>;

export const actionItemCreate = z.strictObject({
  meetingItemId: id.nullable().optional(),
  description: requiredText(1000),
  ownerOrgId: id.nullable().optional(),
  ownerPersonId: id.nullable().optional(),
  deadline: date.nullable().optional(),
  projectId: id.nullable().optional(),
}).refine((a) => a.ownerOrgId != null || a.ownerPersonId != null, { message: '请指定责任单位或责任人', path: ['ownerOrgId'] });
export type ActionItemCreateInput = z.infer<typeof actionItemCreate>;

export const actionItemUpdate = z.strictObject({
  version,
  status: actionStatus.optional(),
  doneNote: optionalText(1000),
  description: requiredText(1000).optional(),
  ownerOrgId: id.nullable().optional(),
  ownerPersonId: id.nullable().optional(),
  deadline: date.nullable().optional(),
  projectId: id.nullable().optional(),
});
export type ActionItemUpdateInput = z.infer<typeof actionItemUpdate>;

const flag = z.enum(['1', '0', 'true', 'false'], { error: '只能是 1 或 0' }).transform((v) => v === '1' || v === 'true');

export const actionItemListQuery = z.strictObject({
  status: actionStatus.optional(),
  overdue: flag.optional(),
  ownerOrgId: idParam.optional(),
  meetingId: idParam.optional(),
  projectId: idParam.optional(),
  page: pageParam,
  pageSize: pageSizeParam(200).default(50),
});
export type ActionItemListQuery = z.infer<typeof actionItemListQuery>;
