import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chinaYear } from '../packages/core/src/period';
import { launch, pageFor, readDocxFile, screenshot } from './browser';

// 年度总结 in the browser: the office opens the demo county's year, finds 「一、基本情况」
// drafted from the ledger (一是数量多 … 四是进展快, the key-list paragraph) with every figure and
// the data checks beside it, adds a sentence and saves (a colleague's save on the older text is
// refused and their words kept), downloads the Word file and finds its text and figures table in
// it; a reader sees the saved text without an editor; the office then resets the text to the draft.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Summary {
  year: number;
  regionName: string;
  generated: { paragraphs: string[]; byCategory: { label: string; count: number }[]; inconsistencies: { message: string }[] };
  saved: { version: number } | null;
}

const settled = (page: Page) => expect.poll(() => page.locator('.ant-spin-spinning, .ant-btn-loading').count()).toBe(0);

describe('the annual summary drafted from the ledger', () => {
  it('is read, edited, saved, downloaded as Word, read by a viewer and reset', { timeout: 180_000 }, async () => {
    const page = await pageFor(browser, 'e2e_office');
    await page.goto(`${baseUrl}/summaries`);
    const editor = page.getByTestId('summary-text-input');
    await expect.poll(() => editor.inputValue()).toMatch(/^一是数量多。今年以来全县共实施重点项目\d+个，其中，工业项目\d+个，总投资/);

    // What the page shows is the server's draft, paragraph by paragraph.
    const api = await page.request.get(`${baseUrl}/api/v1/summaries/${chinaYear(new Date())}/basic`);
    const summary = (await api.json()) as Summary;
    expect(summary.saved).toBeNull();
    expect(await editor.inputValue()).toBe(summary.generated.paragraphs.join('\n\n'));
    for (const start of ['二是规模大。', '三是层次高。', '四是进展快。', '今年，全县有']) expect(summary.generated.paragraphs.some((p) => p.startsWith(start))).toBe(true);
    expect(await page.getByTestId('figure-projects').textContent()).toMatch(/^\d+个$/);
    expect(await page.getByTestId('summary-category-table').textContent()).toContain('基础设施和民生');
    // Each data check is listed in Chinese (the demo's finished projects have no 竣工日期 of their own, for one).
    if (summary.generated.inconsistencies.length) {
      expect(await page.getByTestId('summary-checks-data').locator('li').count()).toBe(summary.generated.inconsistencies.length);
    }
    await settled(page);
    await screenshot(page, 'summary-draft');

    // A colleague opens the same year before the office saves.
    const colleague = await pageFor(browser, 'e2e_office2');
    await colleague.goto(`${baseUrl}/summaries`);
    await expect.poll(() => colleague.getByTestId('summary-text-input').inputValue()).toBe(summary.generated.paragraphs.join('\n\n'));

    // The office adds a closing sentence and saves.
    const added = '在县委、县政府的坚强领导下，全县重点项目建设实现新突破。';
    await editor.fill(`${await editor.inputValue()}\n\n${added}`);
    await page.getByTestId('summary-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('年度总结已保存');
    await expect.poll(() => page.getByTestId('summary-status').textContent()).toContain('第 1 版');
    expect(await editor.inputValue()).toBe([...summary.generated.paragraphs, added].join('\n\n'));
    await settled(page);
    await screenshot(page, 'summary-saved');

    // The colleague's save, made on the text as it was before, is refused: the editor takes the
    // saved text, and the colleague's own words are kept to copy.
    const theirs = `${summary.generated.paragraphs.join('\n\n')}\n\n同事另写的一句。`;
    await colleague.getByTestId('summary-text-input').fill(theirs);
    await colleague.getByTestId('summary-save').click();
    await expect.poll(() => colleague.locator('.ant-modal-confirm-title').textContent()).toBe('年度总结已被他人修改');
    await colleague.locator('.ant-modal-confirm-btns').getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => colleague.getByTestId('summary-text-input').inputValue()).toContain(added);
    expect(await colleague.getByTestId('summary-lost').textContent()).toContain('同事另写的一句。');
    expect(await colleague.getByTestId('summary-status').textContent()).toContain('第 1 版');
    await settled(colleague);
    await screenshot(colleague, 'summary-conflict');

    // The Word file carries the saved text and the figures table.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('summary-download').click()]);
    expect(download.suggestedFilename()).toBe(`${summary.year}年重点项目工作总结（基本情况）.docx`);
    const { paragraphs, rows } = await readDocxFile((await download.path())!);
    expect(paragraphs.slice(0, 3)).toEqual([`${summary.regionName}${summary.year}年重点项目工作总结`, '一、基本情况', summary.generated.paragraphs[0]]);
    expect(paragraphs).toContain(added);
    expect(paragraphs.join('\n')).not.toContain('数据核对');
    expect(rows[0]).toEqual(['类别', '项目个数（个）', '总投资（亿元）', '年度计划投资（亿元）', '已完成投资（亿元）']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(summary.generated.byCategory.map((r) => [r.label, String(r.count)]));

    // A reader sees the saved text, without an editor.
    const viewer = await pageFor(browser, 'e2e_viewer');
    await viewer.goto(`${baseUrl}/summaries`);
    await expect.poll(() => viewer.getByTestId('summary-text').textContent()).toContain(added);
    expect(await viewer.getByTestId('summary-save').count()).toBe(0);
    expect(await viewer.getByTestId('summary-text-input').count()).toBe(0);

    // 恢复为系统生成: the saved text goes, the draft comes back.
    await page.getByTestId('summary-reset').click();
    // The confirm's button is clicked once it has opened, and the reset is waited for, not raced.
    const confirm = page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '恢复' });
    await confirm.waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/api/v1/summaries/') && r.ok()),
      confirm.click(),
    ]);
    await expect.poll(() => page.getByTestId('summary-status').textContent()).toContain('系统按台账生成的草稿');
    expect(await editor.inputValue()).toBe(summary.generated.paragraphs.join('\n\n'));
  });
});
