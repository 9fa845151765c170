import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addMonths, chinaDate, type BulletinListItem, type BulletinView } from '@tuijin/core';
import { launch, pageFor, PHONE, readDocxFile, screenshot, SCREENSHOTS } from './browser';

// 月度通报 in the browser: the office drafts last month's bulletin from the demo county's data
// (approved reports, red/yellow warnings, obstacles, inspections, photos from fixed shooting
// points), edits a paragraph and the 文号 and watches the A4 preview follow, meets a colleague's
// save (409) and keeps its own words, saves, publishes, finds it read-only with the file's
// fingerprint, and downloads the Word file that says what the preview said. A viewer finds it
// in the list and reads it; on a phone the page is the document alone.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const api = async <T>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<{ status: number; body: T }> => {
  const res = await page.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers: { 'x-requested-with': 'tuijin' }, ...(data === undefined ? {} : { data }) });
  return { status: res.status(), body: (await res.json().catch(() => null)) as T };
};

const settled = (page: Page) => expect.poll(() => page.locator('.ant-spin-spinning, .ant-btn-loading, [data-testid="page-loading"]').count()).toBe(0);

/** Every image of the preview loaded (the photo pairs come from the media routes). */
const imagesLoaded = (page: Page) => expect.poll(() => page.getByTestId('bulletin-preview').locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);

describe('the monthly bulletin', () => {
  it('is drafted from the month, edited beside its preview, published, downloaded and read', { timeout: 240_000 }, async () => {
    const office = await pageFor(browser, 'e2e_office');
    const month = addMonths(chinaDate(new Date()).slice(0, 7), -1);
    const monthText = `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
    // The rankings section reads the month's scores: computed here unless a flow before this one did.
    await api(office, 'POST', '/scores/compute', { period: month });

    await office.goto(`${baseUrl}/bulletins`);
    await office.getByTestId('bulletin-list-page').waitFor();
    await office.getByTestId('bulletin-create').click();
    await expect.poll(() => office.locator('[data-testid="bulletin-draft-period"] input, input[data-testid="bulletin-draft-period"]').inputValue(), { message: 'last month is offered' }).toBe(month);
    await office.getByTestId('bulletin-draft-ok').click();
    await office.waitForURL(/\/bulletins\/\d+$/);
    const id = Number(new URL(office.url()).pathname.split('/')[2]);
    const preview = office.getByTestId('bulletin-preview');
    await preview.waitFor();

    // The draft as the data wrote it: the month's figures, tables and the sections in order.
    const drafted = (await api<BulletinView>(office, 'GET', `/bulletins/${id}`)).body;
    expect(drafted.period).toBe(month);
    expect(drafted.status).toBe('draft');
    await expect.poll(() => preview.getByTestId('bulletin-preview-title').textContent()).toBe(drafted.title);
    const headings = await preview.locator('.bl-heading').allTextContents();
    expect(headings).toEqual(drafted.sections.map((s) => s.heading));
    expect(drafted.figures.projects, 'the demo county has projects').toBeGreaterThan(0);
    expect(drafted.figures.warnings.red + drafted.figures.warnings.yellow, 'the month has warnings').toBeGreaterThan(0);
    const categories = drafted.sections.find((s) => s.key === 'categories')!.tables[0]!;
    const total = categories.rows.find((r) => r[0] === '合计')!;
    expect(await preview.getByTestId('bulletin-preview-table-categories').locator('tr', { hasText: '合计' }).locator('td').allTextContents()).toEqual(total);

    // The photo comparisons: the demo photographs fixed points every month, so the month offers
    // pairs; one more is added to those printed (or, when all are printed, one is taken out).
    expect(drafted.candidates.length, 'the month offers photo comparisons').toBeGreaterThan(0);
    const before = drafted.photos.length;
    expect(await preview.getByTestId('bulletin-preview-photo').count()).toBe(before);
    await office.getByTestId('bulletin-photo-pick').click();
    const unpicked = office.getByTestId('bulletin-photo-candidate').filter({ hasNot: office.locator('.ant-checkbox-checked') });
    const isAdding = (await unpicked.count()) > 0 && before < 8;
    const target = isAdding ? unpicked.first() : office.getByTestId('bulletin-photo-candidate').filter({ has: office.locator('.ant-checkbox-checked') }).last();
    await target.getByTestId('bulletin-photo-candidate-check').click();
    await office.getByTestId('bulletin-photo-picker-ok').click();
    const photoCount = before + (isAdding ? 1 : -1);
    await expect.poll(() => preview.getByTestId('bulletin-preview-photo').count()).toBe(photoCount);

    // Edit a paragraph and the 文号: the preview follows as it is typed; 发布 waits for 保存.
    const added = `经${monthText}月报审核和现场核实，全县重点项目建设总体平稳有序。`;
    const overview = office.getByTestId('bulletin-text-overview');
    const original = await overview.inputValue();
    await overview.fill(`${added}\n\n${original}`);
    const docNo = `示重点办〔${month.slice(0, 4)}〕${Number(month.slice(5, 7))}号`;
    await office.getByTestId('bulletin-docno-input').fill(docNo);
    await expect.poll(() => preview.getByTestId('bulletin-preview-overview').locator('.bl-body').first().textContent()).toBe(added);
    expect(await preview.getByTestId('bulletin-preview-docno').textContent()).toBe(docNo);
    expect(await office.getByTestId('bulletin-save-state').textContent()).toBe('有未保存的修改');
    expect(await office.getByTestId('bulletin-publish').isDisabled(), 'publishing waits for the edits to be saved').toBe(true);

    // Leaving with unsaved edits asks first.
    await office.getByRole('link', { name: '月度通报' }).first().click();
    await office.getByRole('button', { name: '留在本页' }).click();
    expect(new URL(office.url()).pathname).toBe(`/bulletins/${id}`);

    // A colleague saves the title meanwhile: the save is refused (409), nothing is overwritten,
    // and the office goes on from the latest with its own changes kept.
    const colleague = await pageFor(browser, 'e2e_office2');
    const theirs = `${drafted.title}（修订）`;
    expect((await api<BulletinView>(colleague, 'PATCH', `/bulletins/${id}`, { version: drafted.version, title: theirs })).status).toBe(200);
    await office.getByTestId('bulletin-save').click();
    await office.getByTestId('bulletin-conflict-keep').waitFor();
    await office.getByTestId('bulletin-conflict-keep').click();
    await expect.poll(() => preview.getByTestId('bulletin-preview-title').textContent()).toBe(theirs);
    expect(await preview.getByTestId('bulletin-preview-docno').textContent()).toBe(docNo);
    await office.getByTestId('bulletin-save').click();
    await expect.poll(() => office.getByTestId('bulletin-save-state').textContent()).toMatch(/^已保存（第 \d+ 版）$/);
    const saved = (await api<BulletinView>(office, 'GET', `/bulletins/${id}`)).body;
    expect(saved).toMatchObject({ title: theirs, docNo });
    expect(saved.sections.find((s) => s.key === 'overview')!.text.startsWith(`${added}\n\n`)).toBe(true);
    expect(saved.photos.length).toBe(photoCount);
    await expect.poll(() => preview.getByTestId('bulletin-preview-overview').locator('.bl-body').first().textContent()).toBe(added);
    await settled(office);
    await imagesLoaded(office);
    await screenshot(office, 'bulletin-editor');
    // Editing a section brings it into view in the preview pane, which scrolls on its own: the
    // two panes as the office sees them at the photo comparisons.
    await office.getByTestId('bulletin-text-photos').focus();
    await expect.poll(() => office.getByTestId('bulletin-preview-pane').evaluate((pane) => {
      const section = pane.querySelector('[data-section="photos"]')!.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      return section >= 0 && section < 100;
    })).toBe(true);
    await office.waitForTimeout(300);
    await office.screenshot({ path: join(SCREENSHOTS, 'bulletin-editor-photos.png') });

    // 发布: confirmed, then read-only with the fingerprint of the stored file.
    await office.getByTestId('bulletin-publish').click();
    await office.locator('.ant-modal-confirm').getByText('不能再修改').waitFor();
    await office.locator('.ant-modal-confirm-btns').getByRole('button', { name: '发布' }).click();
    await expect.poll(() => office.getByTestId('bulletin-status').first().textContent()).toBe('已发布');
    expect(await office.getByTestId('bulletin-published').textContent()).toContain('已发布 · 不可修改');
    expect(await office.getByTestId('bulletin-editor').count()).toBe(0);
    expect(await office.getByTestId('bulletin-save').count()).toBe(0);
    const published = (await api<BulletinView>(office, 'GET', `/bulletins/${id}`)).body;
    expect(published.docxSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await office.getByTestId('bulletin-sha256').textContent()).toContain(published.docxSha256!.slice(0, 8));
    expect((await api(office, 'PATCH', `/bulletins/${id}`, { version: published.version, docNo: '改' })).status, 'a published bulletin refuses edits').toBeGreaterThanOrEqual(400);

    // The Word file: the stored one, byte for byte, saying what the preview said.
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('bulletin-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const { buf, paragraphs, rows } = await readDocxFile((await download.path())!);
    expect(createHash('sha256').update(buf).digest('hex')).toBe(published.docxSha256);
    expect(paragraphs).toContain(added);
    expect(paragraphs).toContain(docNo);
    expect(paragraphs).toContain(theirs);
    expect(rows, 'the categories table with its total').toContainEqual(total);

    // A viewer finds it in the list, published, and reads it at full size.
    const viewer = await pageFor(browser, 'e2e_viewer');
    await viewer.goto(`${baseUrl}/bulletins`);
    const row = viewer.getByTestId('bulletin-table').locator('tr.ant-table-row', { hasText: monthText });
    await expect.poll(() => row.textContent()).toContain('已发布');
    expect(await row.textContent()).toContain(docNo);
    expect(await viewer.getByTestId('bulletin-create').count(), 'a viewer does not draft').toBe(0);
    const list = (await api<{ items: BulletinListItem[] }>(viewer, 'GET', '/bulletins')).body;
    expect(list.items.find((b) => b.id === id)).toMatchObject({ status: 'published', docNo });
    await row.getByTestId('bulletin-link').click();
    await viewer.getByTestId('bulletin-preview').waitFor();
    expect(await viewer.getByTestId('bulletin-editor').count()).toBe(0);
    await expect.poll(() => viewer.getByTestId('bulletin-preview-overview').locator('.bl-body').first().textContent()).toBe(added);
    await settled(viewer);
    await imagesLoaded(viewer);
    await screenshot(viewer, 'bulletin-reader');

    // On a phone: the document scaled to the screen, no sideways scrolling, the Word file at hand.
    const phone = await pageFor(browser, 'e2e_office', PHONE);
    await phone.goto(`${baseUrl}/bulletins/${id}`);
    await phone.getByTestId('bulletin-preview').waitFor();
    await phone.getByTestId('bulletin-download').waitFor();
    expect(await phone.getByTestId('bulletin-editor').count()).toBe(0);
    await expect.poll(() => phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const box = await phone.getByTestId('bulletin-preview').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await settled(phone);
    await imagesLoaded(phone);
    await screenshot(phone, 'bulletin-phone');
    await phone.goto(`${baseUrl}/bulletins`);
    await expect.poll(() => phone.getByTestId('bulletin-card').first().textContent()).toContain('已发布');
    await screenshot(phone, 'bulletin-list-phone');
    await office.goto(`${baseUrl}/bulletins`);
    await expect.poll(() => office.getByTestId('bulletin-table').textContent()).toContain(docNo);
    await settled(office);
    await office.waitForTimeout(400); // the rows fade in
    await screenshot(office, 'bulletin-list');
  });

  it('drafting a month that has its bulletin opens it; 重新生成 redraws the words; 删除草稿 takes it away; a phone editor is told to use a desktop', async () => {
    // A desk's list read before a colleague (on a phone) drafts the month.
    const desk = await pageFor(browser, 'e2e_office');
    await desk.goto(`${baseUrl}/bulletins`);
    await desk.getByTestId('bulletin-list-page').waitFor();
    await settled(desk);
    const office = await pageFor(browser, 'e2e_office', PHONE);
    const month = addMonths(chinaDate(new Date()).slice(0, 7), -2);
    const created = await api<BulletinView>(office, 'POST', '/bulletins', { period: month });
    expect(created.status).toBeLessThan(300);
    await office.goto(`${baseUrl}/bulletins/${created.body.id}`);
    await expect.poll(() => office.getByTestId('bulletin-phone-note').textContent()).toContain('编辑通报请在电脑上操作');
    expect(await office.getByTestId('bulletin-editor').count()).toBe(0);
    await screenshot(office, 'bulletin-phone-draft');

    const draftMonth = async () => {
      await desk.getByTestId('bulletin-create').click();
      await desk.getByTestId('bulletin-draft-period').click();
      await desk.keyboard.press('Control+A');
      await desk.keyboard.type(month);
      await desk.keyboard.press('Enter');
    };
    // The stale list does not know it: the server refuses the second draft and names the first, which opens.
    await draftMonth();
    expect(await desk.getByTestId('bulletin-draft-exists').count()).toBe(0);
    await desk.getByTestId('bulletin-draft-ok').click();
    await desk.waitForURL(new RegExp(`/bulletins/${created.body.id}$`));
    await expect.poll(() => desk.locator('.ant-message').textContent()).toContain('已经起草过，已为您打开');
    // A list that knows it says so before anything is sent.
    await desk.goto(`${baseUrl}/bulletins`);
    await draftMonth();
    await expect.poll(() => desk.getByTestId('bulletin-draft-exists').textContent()).toContain('将直接打开');
    await desk.getByTestId('bulletin-draft-ok').click();
    await desk.waitForURL(new RegExp(`/bulletins/${created.body.id}$`));

    // 重新生成 draws the words again from the data: a paragraph typed over is replaced, the 文号 stays.
    const overview = desk.getByTestId('bulletin-text-overview');
    const drafted = await overview.inputValue();
    await desk.getByTestId('bulletin-docno-input').fill('示重点办〔2026〕9号');
    await overview.fill('这一段将被重新生成。');
    await desk.getByTestId('bulletin-save').click();
    await expect.poll(() => desk.getByTestId('bulletin-save-state').textContent()).toBe(`已保存（第 ${created.body.version + 1} 版）`);
    await desk.getByTestId('bulletin-regenerate').click();
    await desk.locator('.ant-modal-confirm').getByText('已修改过的段落文字也会被替换').waitFor();
    await desk.locator('.ant-modal-confirm-btns').getByRole('button', { name: '重新生成' }).click();
    await expect.poll(() => desk.getByTestId('bulletin-save-state').textContent()).toBe(`已保存（第 ${created.body.version + 2} 版）`);
    expect(await overview.inputValue()).toBe(drafted);
    expect(await desk.getByTestId('bulletin-docno-input').inputValue()).toBe('示重点办〔2026〕9号');
    expect(await desk.getByTestId('bulletin-preview-overview').locator('.bl-body').first().textContent()).not.toBe('这一段将被重新生成。');

    // 删除草稿 takes it away, unsaved typing and all, without asking to stay; the month can be drafted again.
    await overview.fill('未保存的文字');
    await desk.getByTestId('bulletin-delete').click();
    await desk.locator('.ant-modal-confirm-btns').getByRole('button', { name: '删除' }).click();
    await desk.waitForURL(/\/bulletins$/);
    expect((await api(desk, 'GET', `/bulletins/${created.body.id}`)).status).toBe(404);
  });
});
