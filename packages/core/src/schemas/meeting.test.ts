import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeIssues } from './labels';
import { ACTION_LABELS, actionItemCreate, actionItemListQuery, MEETING_LABELS, meetingUpdate } from './meeting';
import { siteVisitCreate, VISIT_LABELS } from './site-visit';
import { dataOf } from './test-helpers';

/** The messages a route gives: each form passes its own field names. */
function messagesOf(schema: z.ZodType, input: unknown, labels: Record<string, string>): string[] {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return describeIssues(result.error.issues, labels).map((i) => i.message);
}

// The joint meeting's and the site visit's inputs: what is refused, in Chinese, naming the field.

describe('meeting and visit inputs', () => {
  it.each<[string, unknown, string[]]>([
    ['an action item without an owner', { description: '落实贷款' }, ['责任单位：请指定责任单位或责任人']],
    ['an action item with an empty description', { description: ' ', ownerOrgId: 1 }, ['督办事项：不能为空']],
    ['an impossible deadline', { description: '办', ownerOrgId: 1, deadline: '2026-02-30' }, ['完成时限：必须是有效日期（YYYY-MM-DD）']],
  ])('refuses %s', (_l, input, messages) => {
    expect(messagesOf(actionItemCreate, input, ACTION_LABELS)).toEqual(messages);
  });

  it('refuses an attendee without a name and too many attendees', () => {
    expect(messagesOf(meetingUpdate, { version: 1, attendees: [{ name: '' }] }, MEETING_LABELS)).toEqual(['参会人员第 1 项的姓名：不能为空']);
    expect(messagesOf(meetingUpdate, { version: 1, attendees: Array.from({ length: 201 }, () => ({ name: '张' })) }, MEETING_LABELS)).toEqual(['参会人员：最多 200 人']);
  });

  it('reads the overdue flag from the query string', () => {
    expect(dataOf(actionItemListQuery, { overdue: '1' }).overdue).toBe(true);
    expect(dataOf(actionItemListQuery, { overdue: 'false' }).overdue).toBe(false);
    expect(messagesOf(actionItemListQuery, { overdue: 'yes' }, ACTION_LABELS)).toEqual(['是否逾期：只能是 1 或 0']);
  });

  it.each<[unknown, number | string]>([[0.5, 0.5], [1, 1], [undefined, 1], [0.7, '只能是半天（0.5）或一天（1）'], [2, '只能是半天（0.5）或一天（1）']])('a visit of %s day(s) → %s', (days, expected) => {
    const input = { projectId: 1, visitedOn: '2026-11-10', ...(days === undefined ? {} : { days }) };
    if (typeof expected === 'number') expect(dataOf(siteVisitCreate, input).days).toBe(expected);
    else expect(messagesOf(siteVisitCreate, input, VISIT_LABELS)).toEqual([`走访天数：${expected}`]);
  });
});
