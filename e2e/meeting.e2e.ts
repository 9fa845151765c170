import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, pageFor, PHONE, readDocxFile, screenshot } from './browser';

// 联席会议 in the browser: the office calls the month's joint meeting and its agenda builds
// itself — an obstacle escalated to 督办, projects under red warning, last month's overdue
// 督办事项 — then rewords an item, holds the meeting, records what was reported and decided,
// assigns an action item with its owner and deadline, lists who attended, makes the minutes
// final and downloads them as Word.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const api = async <T>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> => {
  const res = await page.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers: { 'x-requested-with': 'tuijin' }, ...(data === undefined ? {} : { data }) });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};

const settled = (page: Page) => expect.poll(() => page.locator('.ant-spin-blur, .ant-spin-spinning, .ant-modal-wrap .ant-btn-loading').count()).toBe(0);

/** Picks an option of an antd Select by typing part of its label. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('a joint meeting whose agenda built itself', () => {
  it('is called, edited, held, minuted with an action item, made final, and its minutes downloaded', { timeout: 180_000 }, async () => {
    const page = await pageFor(browser, 'e2e_office');
    // What needs the meeting: an obstacle the office escalates to 督办, and the warnings worked out now.
    const obstacles = await api<{ items: { id: number; version: number; stage: string; projectName: string }[] }>(page, 'GET', '/obstacles?status=open&pageSize=50');
    const target = obstacles.items.find((o) => o.stage === 'assigned' || o.stage === 'reminded');
    expect(target, 'the demo has an open obstacle raised from a report').toBeTruthy();
    await api(page, 'POST', `/obstacles/${target!.id}/escalate`, { version: target!.version, to: 'supervised', docNo: '示督〔2026〕12号', note: '限期解决' });
    await api(page, 'POST', '/warnings/recompute', {});
    const reds = await api<{ total: number }>(page, 'GET', '/warnings?level=red&pageSize=1');
    const overdue = await api<{ counts: { overdue: number } }>(page, 'GET', '/action-items?overdue=1');
    expect(overdue.counts.overdue, 'last month’s meeting left action items overdue').toBeGreaterThan(0);

    await page.goto(`${baseUrl}/meetings`);
    await expect.poll(() => page.locator('[data-testid="meeting-table"] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'meeting-list');
    await page.getByTestId('meeting-create').click();
    await page.getByTestId('meeting-title').fill('2026年第12期重点项目联席会议');
    await page.getByTestId('meeting-place').fill('县政府第一会议室');
    await page.getByTestId('meeting-chair').fill('常务副县长 李明');
    await page.getByTestId('meeting-form-save').click();
    await page.waitForURL(/\/meetings\/\d+$/);
    const meetingId = Number(new URL(page.url()).pathname.split('/')[2]);
    await expect.poll(() => page.getByTestId('agenda-item').count()).toBeGreaterThan(0);

    // The agenda says where each item came from and why it is there, most serious first.
    const sources = await page.getByTestId('agenda-source').allTextContents();
    expect(sources).toContain('问题督办');
    expect(sources).toContain('督办事项');
    if (reds.total > 0) expect(sources).toContain('红色预警');
    const escalated = page.getByTestId('agenda-item').filter({ hasText: target!.projectName }).first();
    await expect.poll(() => escalated.getByTestId('agenda-item-background').textContent()).toContain('已到「督办」');
    expect(await page.getByTestId('agenda-item').first().getByTestId('agenda-item-background').textContent()).toMatch(/上会原因：/);
    await settled(page);
    await screenshot(page, 'meeting-agenda');

    // The office rewords the first item.
    const first = page.getByTestId('agenda-item').first();
    await first.getByTestId('agenda-item-edit').click();
    await page.getByTestId('item-title').fill('协调解决重点项目用地和资金问题');
    await page.getByTestId('item-save').click();
    await expect.poll(() => page.getByTestId('agenda-item-title').first().textContent()).toBe('协调解决重点项目用地和资金问题');
    await expect.poll(() => first.textContent()).toContain('已修改');

    // Held: the minutes are written per item.
    await page.getByTestId('meeting-hold').click();
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '已召开' }).click();
    await expect.poll(() => page.getByTestId('meeting-status').first().textContent()).toBe('已召开');
    await first.getByTestId('agenda-item-minutes-edit').click();
    await page.getByTestId('item-reporter').fill('县自然资源局 赵磊');
    await page.getByTestId('item-reported').fill('二期用地已完成组卷，正在报省厅审批。');
    await page.getByTestId('item-decided').fill('由县自然资源局牵头，12月20日前取得用地批复。');
    await page.getByTestId('item-save').click();
    await expect.poll(() => first.getByTestId('agenda-item-minutes').textContent()).toContain('由县自然资源局牵头，12月20日前取得用地批复。');

    // An action item on that item: owner, person, deadline.
    await first.getByTestId('agenda-item-add-action').click();
    await page.getByTestId('action-description').fill('取得二期用地批复');
    await choose(page, 'action-owner-org', '县自然资源局');
    await choose(page, 'action-owner-person', '张华');
    await page.getByTestId('action-deadline').click();
    await page.keyboard.type('2027-01-20');
    await page.keyboard.press('Enter');
    await page.getByTestId('action-save').click();
    const row = page.getByTestId('meeting-action-table').locator('tr.ant-table-row', { hasText: '取得二期用地批复' });
    await expect.poll(() => row.textContent()).toContain('县自然资源局');
    expect(await row.textContent()).toContain('2027-01-20');
    expect(await row.textContent()).toContain('张华');

    // A problem the meeting hands on becomes an obstacle of the item's project (联席会议交办).
    await first.getByTestId('agenda-item-raise-obstacle').click();
    await page.getByTestId('obstacle-kind').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '资金' }).first().click();
    await page.getByTestId('obstacle-description').fill('二期项目贷款需县金融办协调银行加快审批');
    await page.getByTestId('obstacle-form-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('问题已登记交办');
    const fromMeeting = await api<{ items: { source: string; meetingId: number | null; description: string }[] }>(page, 'GET', '/obstacles?source=meeting&pageSize=50');
    expect(fromMeeting.items.find((o) => o.description === '二期项目贷款需县金融办协调银行加快审批')).toMatchObject({ source: 'meeting', meetingId });

    // The escalated obstacle was reported on as well (through the API here); the rest were not reached.
    const held = await api<{ items: { id: number; version: number; source: string; sourceId: number | null }[] }>(page, 'GET', `/meetings/${meetingId}`);
    const targetItem = held.items.find((i) => i.source === 'obstacle' && i.sourceId === target!.id)!;
    if (targetItem.id !== held.items[0]!.id) {
      await api(page, 'PATCH', `/meetings/${meetingId}/items/${targetItem.id}`, { version: targetItem.version, decided: '由责任单位限期解决，下次会议报告结果。' });
      await page.reload();
    }
    await page.getByTestId('attendees-edit').click();
    await page.getByTestId('attendee-name').first().fill('李明');
    await page.getByTestId('attendee-unit').first().fill('常务副县长');
    await page.getByTestId('attendee-add').click();
    await page.getByTestId('attendee-name').nth(1).fill('赵磊');
    await page.getByTestId('attendee-unit').nth(1).fill('县自然资源局局长');
    await page.getByTestId('attendees-save').click();
    await expect.poll(() => page.getByTestId('attendees').textContent()).toContain('赵磊');
    await settled(page);
    await screenshot(page, 'meeting-minutes');

    // Final: locked, the escalated obstacle linked to the meeting.
    await page.getByTestId('meeting-close').click();
    expect(await page.getByTestId('meeting-close-unrecorded').textContent()).toMatch(/有 \d+ 项议题未记录.*未及研究，转下次会议/);
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '定稿' }).click();
    await expect.poll(() => page.getByTestId('meeting-status').first().textContent()).toBe('纪要已定稿');
    expect(await page.getByTestId('agenda-item-edit').count()).toBe(0);
    const obstacle = await api<{ meetingId: number | null }>(page, 'GET', `/obstacles/${target!.id}`);
    expect(obstacle.meetingId).toBe(meetingId);
    await settled(page);
    await screenshot(page, 'meeting-closed');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('meeting-minutes').click()]);
    expect(download.suggestedFilename()).toBe('2026年第12期重点项目联席会议纪要.docx');
    const { paragraphs, rows } = await readDocxFile((await download.path())!);
    expect(paragraphs[0]).toBe('会议纪要');
    expect(paragraphs).toContain('主持：常务副县长 李明');
    expect(paragraphs).toContain('参会人员：李明（常务副县长）、赵磊（县自然资源局局长）');
    expect(paragraphs).toContain('（一）协调解决重点项目用地和资金问题');
    expect(paragraphs).toContain('会议议定：由县自然资源局牵头，12月20日前取得用地批复。');
    expect(paragraphs.find((p) => p.startsWith('以下议题本次会议未及研究，转下次会议：'))).toBeTruthy();
    expect(paragraphs).not.toContain('会议议定：（未记录）');
    expect(rows[0]).toEqual(['序号', '督办事项', '项目', '责任单位', '责任人', '完成时限']);
    expect(rows.find((r) => r[1] === '取得二期用地批复')?.slice(3)).toEqual(['县自然资源局', '张华', '2027年1月20日']);

    // The same meeting on a phone, and the action items across meetings.
    const phone = await pageFor(browser, 'e2e_office', PHONE);
    await phone.goto(`${baseUrl}/meetings/${meetingId}`);
    await expect.poll(() => phone.getByTestId('agenda-item').count()).toBeGreaterThan(0);
    await screenshot(phone, 'meeting-phone');
    await expect.poll(() => phone.getByTestId('meeting-action-cards').textContent()).toContain('取得二期用地批复');
    // On a phone each action item is a card with its owner, deadline and status on screen; an overdue one says by how many days.
    await phone.goto(`${baseUrl}/meetings?tab=actions&status=overdue`);
    const overdueCard = phone.getByTestId('action-card').first();
    await overdueCard.waitFor();
    expect(await overdueCard.getByTestId('action-status').textContent()).toBe('逾期');
    expect(await overdueCard.getByTestId('action-card-deadline').textContent()).toMatch(/完成时限.*逾期 \d+ 天/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(phone, 'meeting-action-items-phone');
    await page.goto(`${baseUrl}/meetings?tab=actions&status=all`);
    await expect.poll(() => page.getByTestId('action-items-table').textContent()).toContain('取得二期用地批复');
    await settled(page);
    await page.waitForTimeout(400); // the tab pane fades in
    await screenshot(page, 'meeting-action-items');
  });
});
