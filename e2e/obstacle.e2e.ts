import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DESK, expectPhoneFit, getJson, launch, pageFor, PHONE, screenshot, SCREENSHOTS } from './browser';

// 问题督办 as the office and a department live it: a problem a company wrote in its monthly
// report (存在问题) became an obstacle; the office follows the link from the report, escalates
// it to 督办 with the notice's number; the department, on a phone, reports it solved; the office
// checks and closes it (销号). Every step stays on the obstacle's ladder.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Obstacle { id: number; title: string; stage: string; status: string; sourceId: number; projectName: string; version: number; steps: { step: string; docNo: string | null; toStage: string | null }[] }

const RANK = ['assigned', 'reminded', 'supervised', 'interviewed'];

/** Screen only (a dialog as the person sees it), not the whole page. */
async function screenOnly(page: Page, name: string) {
  await page.waitForTimeout(400); // the dialog's opening animation
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe('a problem from a monthly report is followed to 销号', () => {
  it('is escalated to 督办 with its notice number, resolved by the department and closed by the office', { timeout: 150_000 }, async () => {
    const office = await pageFor(browser, 'demo_office', DESK);
    const phone = await pageFor(browser, 'demo_dept', PHONE);
    const { user: dept } = await getJson<{ user: { orgId: number } }>(phone, '/auth/me');

    // The demo's reports raised obstacles; take one the demo department owns, not yet at 督办.
    const { items } = await getJson<{ items: Obstacle[] }>(office, `/obstacles?source=report&status=open&ownerOrgId=${dept.orgId}&pageSize=200`);
    const picked = items.filter((o) => RANK.indexOf(o.stage) < 2).sort((a, b) => RANK.indexOf(a.stage) - RANK.indexOf(b.stage))[0];
    if (!picked) throw new Error('the demo has no open obstacle of demo_dept below 督办');

    // The list: the most serious first, overdue in red; and who holds what.
    await office.goto(`${baseUrl}/obstacles`);
    await office.getByTestId('obstacle-table').getByTestId('obstacle-link').first().waitFor();
    await screenshot(office, 'obstacle-list-desk');
    await office.getByRole('tab', { name: '按责任单位' }).click();
    await office.getByTestId('obstacle-stats-department').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(office, 'obstacle-stats-department');

    // From the report's 存在问题 to the obstacle it raised.
    await office.goto(`${baseUrl}/reports/${picked.sourceId}`);
    const link = office.locator(`[data-testid="report-obstacle-link"][href="/obstacles/${picked.id}"]`);
    await link.waitFor();
    await link.click();
    await office.waitForURL(`${baseUrl}/obstacles/${picked.id}`);
    await office.getByTestId('obstacle-facts').waitFor();
    expect(await office.getByTestId('obstacle-source-link').getAttribute('href')).toBe(`/reports/${picked.sourceId}`);
    await screenshot(office, 'obstacle-from-report');

    // 升级督办: 督办 needs its notice number; the dialog says so before anything is sent.
    await office.getByTestId('obstacle-escalate').click();
    await office.getByTestId('obstacle-escalate-to').click();
    await office.locator('.ant-select-item-option[title="督办"]').click();
    await office.getByTestId('obstacle-escalate-save').click();
    await expect.poll(() => office.getByRole('dialog').textContent()).toContain('升级为督办必须填写督办单号');
    const docNo = '县重点办督〔2026〕18号';
    await office.getByTestId('obstacle-doc-no').fill(docNo);
    await office.getByTestId('obstacle-escalate-note').fill('请于两周内协调解决并书面报告');
    await screenOnly(office, 'obstacle-escalate-dialog');
    await office.getByTestId('obstacle-escalate-save').click();
    await expect.poll(() => office.getByTestId('obstacle-stage').first().textContent()).toBe('督办');
    expect(await office.getByTestId('obstacle-timeline').textContent()).toContain(`督办单号：${docNo}`);
    await screenshot(office, 'obstacle-supervised');

    // The department, on a phone: its list, the obstacle, 报告办结 with how it was solved.
    await phone.goto(`${baseUrl}/obstacles`);
    const row = phone.getByTestId('obstacle-table').locator(`a[href="/obstacles/${picked.id}"]`);
    await row.waitFor();
    await expectPhoneFit(phone);
    await screenshot(phone, 'obstacle-list-phone');
    await row.click();
    await phone.getByTestId('obstacle-resolve').waitFor();
    await expectPhoneFit(phone);
    await phone.getByTestId('obstacle-resolve').click();
    const resolution = '经协调，供电公司已完成临时用电增容 800 千伏安，6 月 20 日送电。';
    await phone.getByTestId('obstacle-resolution').fill(resolution);
    await screenOnly(phone, 'obstacle-resolve-phone');
    await phone.getByTestId('obstacle-resolve-save').click();
    await expect.poll(() => phone.getByTestId('obstacle-status').first().textContent()).toBe('待销号');
    expect(await phone.getByTestId('obstacle-resolution-text').textContent()).toContain(resolution);
    await screenshot(phone, 'obstacle-resolved-phone');

    // The office checks it and closes it (销号); the ladder shows the whole story.
    await office.reload();
    await office.getByTestId('obstacle-close').click();
    await office.getByTestId('obstacle-confirm-note').fill('经现场核实，已送电');
    await office.getByTestId('obstacle-close-save').click();
    await expect.poll(() => office.getByTestId('obstacle-status').first().textContent()).toBe('已销号');
    const done = await getJson<Obstacle>(office, `/obstacles/${picked.id}`);
    expect(done.steps.map((s) => s.step).slice(-3)).toEqual(['escalated', 'resolved', 'closed']);
    expect(done.steps.find((s) => s.docNo === docNo)?.toStage).toBe('supervised');
    expect(await office.getByTestId('obstacle-escalate').count()).toBe(0);
    await screenshot(office, 'obstacle-closed');

    // The ladder's rules are the office's settings: 督导设置 from the list, refused until valid.
    await office.goto(`${baseUrl}/obstacles`);
    await office.getByTestId('supervision-settings-open').click();
    await office.getByTestId('supervision-behindRed').waitFor();
    await office.getByTestId('supervision-behindRed').fill('5');
    await office.getByTestId('supervision-settings-save').click();
    await expect.poll(() => office.getByTestId('supervision-settings-modal').textContent()).toContain('红色预警的落后百分点必须大于黄色预警');
    await office.getByTestId('supervision-behindRed').fill('30');
    await office.getByTestId('supervision-superviseAfterDays').fill('5');
    await screenOnly(office, 'supervision-settings');
    await office.getByTestId('supervision-settings-save').click();
    await expect.poll(() => office.locator('.ant-message').textContent()).toContain('督导设置已保存');
    const saved = await getJson<{ settings: { superviseAfterDays: number }; inherited: boolean }>(office, '/settings/supervision');
    expect(saved).toMatchObject({ inherited: false, settings: { superviseAfterDays: 5 } });
  });
});
