import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DESK, expectPhoneFit, getJson, launch, pageFor, PHONE, screenshot, SCREENSHOTS } from './browser';

// The month as a company clerk lives it on a phone at the site: open the month's report, fill
// the figures and 形象进度, take two photos and see their checks, send it; the department
// returns it with a reason on a desk, the clerk reads the reason, fixes it, sends it again,
// and the department approves.

const baseUrl = inject('baseUrl');
const MEDIA = join(import.meta.dirname, '../packages/server/src/test/media');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const statusOf = (page: Page) => page.getByTestId('report-page').getAttribute('data-status');
/** 万元 as typed into the form, from integer yuan. */
const wanText = (yuan: number) => String(yuan / 10_000);

interface Summary { id: number; projectName: string; status: string; responsibleOrgName: string | null }
interface Detail { project: { totalInvestment: number }; previous: { ytd: number | null; cumulative: number | null } }

/** A dialog is seen as the person sees it: the screen, not the whole page. */
async function screenOnly(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** After an action the page scrolls back to its header; shoot once it is there. */
async function settled(page: Page) {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.waitForTimeout(300);
}

/** The page fits the phone: nothing scrolls sideways. */
describe('a company clerk reports the month from a phone', () => {
  it('fills and sends the report with photos; it is returned, fixed, sent again and approved', { timeout: 150_000 }, async () => {
    const phone = await pageFor(browser, 'demo_company', PHONE);
    const desk = await pageFor(browser, 'demo_dept', DESK);
    const { user: reviewer } = await getJson<{ user: { orgName: string } }>(desk, '/auth/me');

    // 我的月报: a card per report; the clerk taps one the department reviews.
    const { items } = await getJson<{ items: Summary[] }>(phone, '/reports?mine=fill');
    const report = items.find((r) => r.responsibleOrgName === reviewer.orgName);
    if (!report) throw new Error(`demo_company has no report to fill that ${reviewer.orgName} reviews`);
    await phone.goto(`${baseUrl}/my-reports`);
    const card = phone.getByTestId('my-report-card').filter({ hasText: report.projectName }).first();
    await card.waitFor();
    await expectPhoneFit(phone);
    await screenshot(phone, 'report-phone-list');
    await card.click();
    await phone.waitForURL(`${baseUrl}/reports/${report.id}`);
    await phone.getByTestId('report-form').waitFor();

    // 报送 on an empty form: what is missing shows at once, with no 「确认报送？」 first.
    await phone.getByTestId('report-submit').click();
    await expect.poll(() => phone.getByTestId('report-issues').textContent()).toContain('形象进度');
    expect(await phone.getByRole('dialog').count()).toBe(0);

    // Figures in 万元: this month, then the year and since-start sums proposed from last month.
    const detail = await getJson<Detail>(phone, `/reports/${report.id}`);
    const thisMonth = 1_200_000;
    await phone.getByTestId('report-this-month').fill(wanText(thisMonth));
    await phone.getByTestId('report-fill-proposal').click().catch(() => undefined);
    const ytd = (detail.previous.ytd ?? 0) + thisMonth;
    if (detail.previous.ytd == null) await phone.getByTestId('report-ytd').fill(wanText(ytd));
    if (detail.previous.cumulative == null) await phone.getByTestId('report-cumulative').fill(wanText(ytd));
    expect(await phone.getByTestId('report-ytd').inputValue()).toBe(wanText(ytd));
    expect(await phone.getByTestId('report-figure-warnings').count()).toBe(0);
    const progress = '主体结构施工至第 4 层，钢结构厂房完成吊装 70%。';
    await phone.getByTestId('report-progress').fill(progress);
    await phone.getByTestId('report-next-plan').fill('主体封顶，开始外墙施工');

    // 本地草稿: Android may reload the tab after the camera; what was typed comes back.
    const draftKey = `tuijin.report-draft.${report.id}`;
    await expect.poll(() => phone.evaluate((key) => localStorage.getItem(key) != null, draftKey)).toBe(true);
    phone.once('dialog', (d) => void d.accept());
    await phone.reload();
    await phone.getByTestId('report-draft-restored').waitFor();
    expect(await phone.getByTestId('report-progress').inputValue()).toBe(progress);
    expect(await phone.getByTestId('report-ytd').inputValue()).toBe(wanText(ytd));
    await screenshot(phone, 'report-phone-draft-restored');

    // Saved meanwhile (another device, same report): the draft is not laid over it silently,
    // but offered beside it; keeping it brings back the typed fields and the newer one stays.
    const { version } = await getJson<{ version: number }>(phone, `/reports/${report.id}`);
    const other = await phone.request.patch(`${baseUrl}/api/v1/reports/${report.id}`, { data: { coordination: '需协调 10 千伏供电接入', version }, headers: { 'X-Requested-With': 'tuijin' } });
    expect(other.status()).toBe(200);
    phone.once('dialog', (d) => void d.accept());
    await phone.reload();
    await phone.getByTestId('report-conflict-keep').click();
    expect(await phone.getByTestId('report-progress').inputValue()).toBe(progress);
    expect(await phone.getByTestId('report-coordination').inputValue()).toBe('需协调 10 千伏供电接入');

    // Two photos go up as soon as they are picked (no extra tap), then show their number and check badge.
    await phone.getByTestId('media-input').setInputFiles([join(MEDIA, 'DSCN0010.jpg'), join(MEDIA, 'DSCN0012.jpg')]);
    const tiles = phone.getByTestId('media-tile');
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => phone.getByTestId('upload-row').count(), { timeout: 10_000 }).toBe(0);
    expect(await phone.getByTestId('media-number').allTextContents()).toEqual(['照片 1', '照片 2']);
    // Taken in 2008 in Italy: neither this month nor at the site.
    const badges = await phone.getByTestId('media-grid').getByTestId('media-check-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(badges).toEqual(['failed', 'failed']);
    await expectPhoneFit(phone);
    await tiles.first().click();
    const checks = phone.getByRole('dialog').getByTestId('media-checks');
    await expect.poll(() => checks.textContent()).toContain('早于本期月报');
    await phone.waitForTimeout(500); // the dialog's opening animation
    await screenOnly(phone, 'report-phone-photo-checks');
    // The caption is given on the photo once it is up.
    await phone.getByTestId('media-caption').fill('东侧全景');
    await phone.getByTestId('media-save').click();
    await expect.poll(() => phone.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => phone.getByTestId('media-grid').textContent()).toContain('东侧全景');
    await screenshot(phone, 'report-phone-filled');

    // The action bar stays at the bottom of the screen, with buttons a thumb can hit.
    const bar = await phone.getByTestId('report-submit').boundingBox();
    expect(bar).not.toBeNull();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(PHONE.height);
    expect(bar!.height).toBeGreaterThanOrEqual(40);
    await phone.getByTestId('report-submit').click();
    // Both photos failed their checks: the confirmation says so before the report goes.
    await expect.poll(() => phone.getByRole('dialog').textContent()).toContain('有 2 张照片核验未通过，可能被退回');
    await phone.waitForTimeout(300);
    await screenOnly(phone, 'report-phone-submit-confirm');
    await phone.getByRole('dialog').getByRole('button', { name: '报送', exact: true }).click();
    await expect.poll(() => statusOf(phone)).toBe('submitted');
    await phone.getByTestId('report-view').waitFor();
    await settled(phone);
    await screenshot(phone, 'report-phone-submitted');

    // The department sees why to look closer, and returns it with a reason (required).
    await desk.goto(`${baseUrl}/reports/${report.id}`);
    await desk.getByTestId('review-panel').waitFor();
    expect(await desk.getByTestId('review-checks').textContent()).toContain('2 张未通过');
    await screenshot(desk, 'report-review-desk');
    await desk.getByTestId('review-return').click();
    await desk.getByTestId('review-confirm').click();
    await expect.poll(() => desk.getByRole('dialog').textContent()).toContain('请填写退回原因');
    const reason = '照片拍摄时间不在本月，请补拍现场照片后重新报送';
    await desk.getByTestId('review-comment').fill(reason);
    await desk.getByTestId('review-confirm').click();
    await expect.poll(() => statusOf(desk)).toBe('returned');
    expect(await desk.getByTestId('report-return-reason').textContent()).toContain(reason);
    await settled(desk);
    await screenshot(desk, 'report-returned-desk');

    // The clerk sees the reason on the card and on the report, fixes it and sends it again.
    await phone.goto(`${baseUrl}/my-reports`);
    await expect.poll(() => phone.getByTestId('my-report-card').filter({ hasText: report.projectName }).first().textContent()).toContain(reason);
    await phone.getByTestId('my-report-card').filter({ hasText: report.projectName }).first().click();
    await phone.getByTestId('report-form').waitFor();
    expect(await phone.getByTestId('report-return-reason').textContent()).toContain(reason);
    await screenshot(phone, 'report-phone-returned');
    await phone.getByTestId('media-input').setInputFiles([join(MEDIA, 'DSCN0021.jpg')]);
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(3);
    // Numbers stay with the photos: deleting 照片 1 does not renumber the others.
    await tiles.first().click();
    await phone.getByTestId('media-delete').click();
    await phone.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => tiles.count()).toBe(2);
    await expect.poll(() => phone.getByTestId('media-number').allTextContents()).toEqual(['照片 2', '照片 3']);
    await phone.getByTestId('report-progress').fill('主体结构施工至第 4 层，钢结构厂房完成吊装 70%；已补拍现场照片。');
    await phone.getByTestId('report-submit').click();
    await phone.getByRole('dialog').getByRole('button', { name: '报送', exact: true }).click();
    await expect.poll(() => statusOf(phone)).toBe('submitted');
    // Saved and sent: no draft is left behind to be offered again.
    expect(await phone.evaluate((key) => localStorage.getItem(key), draftKey)).toBeNull();

    // The department approves; the history tells the whole story.
    await desk.reload();
    await desk.getByTestId('review-approve').click();
    await desk.getByTestId('review-comment').fill('同意');
    await desk.getByTestId('review-confirm').click();
    await expect.poll(() => statusOf(desk)).toBe('approved');
    const history = await desk.getByTestId('report-history').textContent();
    expect(history).toContain('审核通过');
    expect(history).toContain(reason);
    expect(await desk.getByTestId('report-view-figures').textContent()).toContain('已补拍现场照片');
    await settled(desk);
    await screenshot(desk, 'report-approved-desk');
  });
});
