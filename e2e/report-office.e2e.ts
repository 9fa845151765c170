import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, pageFor, PHONE, screenshot } from './browser';

// The office's month in the browser: the month board, who has not reported, 一键催报 and the
// list for the WeChat group; a reader comparing two months of a shooting point with the
// slider (月度影像资料递进比较) and the year's investment chart; the review queue.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Tables refetch after a change: wait for their loading veil to lift before a screenshot. */
const settled = (page: Page) => expect.poll(() => page.locator('.ant-spin-blur, .ant-spin-spinning').count()).toBe(0);

const countOf = async (page: Page, testId: string) => Number(/\d+/.exec((await page.getByTestId(testId).textContent()) ?? '')?.[0] ?? NaN);

async function openMonthBoard(page: Page): Promise<number> {
  await page.goto(`${baseUrl}/periods`);
  const open = page.locator('[data-testid="period-table"] tbody tr.ant-table-row', { hasText: '填报中' }).first();
  await open.getByTestId('period-link').click();
  await page.waitForURL(/\/periods\/\d+/);
  await expect.poll(() => page.locator('[data-testid="board-table"] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
  return Number(new URL(page.url()).pathname.split('/')[2]);
}

/** A project with a shooting point photographed in at least two months the reader may see. */
async function projectWithTwoMonths(page: Page): Promise<number> {
  const ledger = await (await page.request.get(`${baseUrl}/api/v1/projects?pageSize=100`)).json() as { items: { id: number }[] };
  for (const { id } of ledger.items) {
    const media = await (await page.request.get(`${baseUrl}/api/v1/projects/${id}/media`)).json() as { items: { shootingPointId: number | null; period: string; kind: string }[] };
    const months = new Map<number, Set<string>>();
    for (const m of media.items) {
      if (m.shootingPointId == null || m.kind !== 'photo') continue;
      months.set(m.shootingPointId, (months.get(m.shootingPointId) ?? new Set()).add(m.period));
    }
    if ([...months.values()].some((s) => s.size >= 2)) return id;
  }
  throw new Error('the demo has no project photographed from one point in two months');
}

describe('the office runs the reporting month', () => {
  it('opens the month board, filters to 未填报, reminds them and copies the list for WeChat', async () => {
    const page = await pageFor(browser, 'e2e_office');
    const periodId = await openMonthBoard(page);
    await settled(page);
    await screenshot(page, 'period-board');
    const notStarted = await countOf(page, 'stat-not_started');
    expect(notStarted).toBeGreaterThan(0);

    await page.getByTestId('stat-not_started').click();
    await page.waitForURL(/status=not_started/);
    const rows = page.locator('[data-testid="board-table"] tbody tr.ant-table-row');
    await expect.poll(async () => {
      const texts = await rows.allTextContents();
      return texts.length === notStarted && texts.every((t) => t.includes('未填报'));
    }).toBe(true);

    await page.getByTestId('board-remind').click();
    await page.getByRole('button', { name: '发送催报' }).click();
    await expect.poll(() => page.getByTestId('remind-result').textContent()).toMatch(/已催报 \d+ 个项目，涉及 \d+ 家项目单位，通知送达 \d+ 位填报员/);
    await screenshot(page, 'period-remind');
    await page.getByRole('button', { name: '知道了' }).click();
    // Every report that had not been started now carries the reminder.
    const after = await (await page.request.get(`${baseUrl}/api/v1/reports?periodId=${periodId}&status=not_started`)).json() as { items: { remindCount: number }[] };
    expect(after.items.length).toBe(notStarted);
    expect(after.items.every((r) => r.remindCount >= 1)).toBe(true);

    // 复制催报名单 follows the board: the filter shown (未填报 only), then the rows ticked.
    const firstProject = (await rows.first().getByTestId('board-report-link').textContent()) ?? '';
    const copyButton = page.getByTestId('board-copy-list');
    expect(await copyButton.getAttribute('data-scope')).toBe('filtered');
    await copyButton.click();
    const text = page.getByTestId('remind-text');
    await expect.poll(() => text.inputValue()).toContain('月报催报');
    expect(await text.inputValue()).toContain(firstProject);
    expect(await text.inputValue()).toContain(`${notStarted} 个项目尚未报送`);
    await screenshot(page, 'period-remind-list');
    await page.getByRole('button', { name: '知道了' }).click();

    await rows.first().locator('.ant-table-selection-column input').check();
    await expect.poll(() => copyButton.getAttribute('data-scope')).toBe('selected');
    await copyButton.click();
    await expect.poll(() => text.inputValue()).toContain('1 个项目尚未报送');
    expect(await text.inputValue()).toContain(firstProject);
    await page.getByRole('button', { name: '知道了' }).click();
  });

  it('shows the month list and the board on a phone without the page overflowing', async () => {
    const page = await pageFor(browser, 'e2e_office', PHONE);
    await openMonthBoard(page);
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'phone-period-board');
  });

  it('lists reports waiting for review, and a row opens the report', async () => {
    const page = await pageFor(browser, 'e2e_office');
    await page.goto(`${baseUrl}/reviews`);
    const rows = page.locator('[data-testid="review-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await settled(page);
    await screenshot(page, 'review-queue');
    await page.getByTestId('review-report-link').first().click();
    await page.waitForURL(/\/reports\/\d+/);
  });
});

describe('a reader compares months of a project', () => {
  it('wipes between two months of a shooting point with the slider, by mouse and by keyboard', async () => {
    const page = await pageFor(browser, 'e2e_viewer');
    const id = await projectWithTwoMonths(page);
    await page.goto(`${baseUrl}/projects/${id}?tab=photos`);
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('points-manage').count()).toBe(0);
    await screenshot(page, 'project-photos');

    await page.locator('[data-testid="point-compare"]:not([disabled])').first().click();
    const slider = page.getByTestId('compare-slider');
    const overlay = page.getByTestId('compare-overlay');
    // The dialog zooms in: measure once it has settled, the divider starting in the middle.
    const share = async () => {
      const [frame, over] = await Promise.all([slider.boundingBox(), overlay.boundingBox()]);
      return frame && over ? Math.round((over.width / frame.width) * 100) : null;
    };
    await expect.poll(share).toBe(50);
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
    const box = (await slider.boundingBox())!;
    const before = (await overlay.boundingBox())!.width;

    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = (await overlay.boundingBox())!.width;
    expect(dragged).toBeGreaterThan(before + box.width * 0.25);

    const handle = page.getByTestId('compare-handle');
    const valueBefore = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBe(valueBefore - 10);
    expect((await overlay.boundingBox())!.width).toBeLessThan(dragged);
    await screenshot(page, 'project-photo-compare');
  });

  it('draws the year of a project against its plan', async () => {
    const page = await pageFor(browser, 'e2e_viewer');
    const id = await projectWithTwoMonths(page);
    await page.goto(`${baseUrl}/projects/${id}?tab=reports`);
    await expect.poll(() => page.locator('[data-testid="project-months-chart"] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="project-months-table"] tbody tr.ant-table-row').count()).toBeGreaterThan(1);
    await screenshot(page, 'project-months');

    // A month opened from here leads back to the project's 月报 tab, the menu still on 项目台账.
    await page.locator('[data-testid="project-months-table"] tbody tr.ant-table-row').first().click();
    await page.waitForURL(/\/reports\/\d+/);
    await page.getByTestId('report-header').waitFor();
    expect(await page.locator('[data-testid="main-menu"] .ant-menu-item-selected').textContent()).toContain('项目台账');
    expect(await page.getByTestId('report-breadcrumb').textContent()).toMatch(/^项目台账\/.+\/\d{4}年\d{1,2}月月报$/);
    await screenshot(page, 'project-month-report');
    await page.getByTestId('report-back-project').click();
    await page.waitForURL((url) => url.pathname === `/projects/${id}` && url.searchParams.get('tab') === 'reports');
  });
});
