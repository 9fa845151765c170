import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulletinView } from '@tuijin/core';
import { inspectZip } from '../../lib/documents/zip-guard';
import { BULLETIN_MONTH, bulletinCounty, pointPhotos, type BulletinCounty } from '../../test/bulletin-fixtures';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { readDocx } from '../../test/read-docx';

// The monthly bulletin through the API on a county whose May is real (bulletin-fixtures.ts):
// drafted from the data, edited (409 when stale), regenerated after the month is scored,
// published as a stored Word file handed out byte for byte, then frozen; scope and audit.

describe.each(DIALECTS)('the monthly bulletin API on %s', (dialect) => {
  let h: Harness;
  let c: BulletinCounty;
  let b: BulletinView;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await bulletinCounty(h);
  }, 60_000);
  afterAll(() => h.close());

  const req = (method: string, url: string, body?: unknown, cookie = c.office.cookie) => h.request(method, url, { cookie, body });
  const section = (v: BulletinView, key: string) => v.sections.find((s) => s.key === key)!;

  it('drafts the month from its reports, warnings, obstacles, inspections and photos', async () => {
    const { result: res, rows } = await c.f.audited(() => req('POST', '/api/v1/bulletins', { period: BULLETIN_MONTH }));
    expect(res.statusCode, res.body).toBe(201);
    b = res.json();
    expect(rows.map((r) => [r.action, r.objectType, r.objectId])).toEqual([['create', 'bulletin', String(b.id)]]);
    expect(b).toMatchObject({
      status: 'draft', period: '2026-05', regionName: '测试县', title: '关于2026年5月份全县重点项目建设情况的通报', docNo: '',
      issuer: '测试县重点项目推进办公室', issuedOn: '2026-06-10', version: 1, canEdit: true, publishedAt: null, docxSha256: null,
    });
    // 1.2亿 + 8,000万 + 5,000万 + 6,000万 planned; 6,000万 (approved May report) + 2,000万 (April figure: May's report is
    // not approved) + 0 + 3,000万 (imported through May) done; last year 4,000 + 3,000 + 0 (新建) + 2,500万.
    expect(b.figures).toMatchObject({
      projects: 4, byCategory: { industrial: 2, services: 1, infrastructure: 1 }, annualPlan: 310_000_000, completedYtd: 110_000_000,
      paceGap: -6.2, lastYearYtd: 95_000_000, thisMonthInvestment: 10_000_000, started: { count: 1, names: ['智能装备产业园'] },
      obstacles: { opened: 1, closed: 1, open: 1, overdue: 1 }, inspections: { count: 1, findings: 2, booksAhead: 1, poor: 1 }, scored: false,
    });
    expect(section(b, 'overview').text).toContain('截至5月末，全县4个重点项目（工业项目2个、服务业项目1个、基础设施和民生项目1个）累计完成投资1.10亿元，占年度计划3.10亿元的35.5%，低于序时进度6.2个百分点（序时进度41.7%）；同比增长15.8%。5月份完成投资1000万元。');
    expect(section(b, 'overview').text).toContain('5月份，新开工项目1个（智能装备产业园）。');
    expect(section(b, 'categories').tables[0]!.rows.map((r) => r.slice(0, 5))).toEqual([
      ['工业', '2', '17,000', '6,000', '35.3%'], ['服务业', '1', '6,000', '3,000', '50.0%'], ['基础设施和民生', '1', '8,000', '2,000', '25.0%'], ['合计', '4', '31,000', '11,000', '35.5%'],
    ]);
    expect(section(b, 'departments').tables[0]!.rows.find((r) => r[0] === '县水利局')).toEqual(['县水利局', '1', '8,000', '2,000', '25.0%', '0', '0']);
    expect(section(b, 'obstacles').text).toContain('5月份，新增项目建设问题1个（用地1个），办结销号1个；对1个问题启动督办、0个问题约谈责任单位。截至月末，尚有1个问题未解决，其中逾期1个。');
    expect(section(b, 'inspections').text).toContain('1个项目账面进度超前于现场（年产10万吨新型建材项目）');
    expect(section(b, 'rankings').text).toBe('本月考核尚未计分，5月份考核排名待计分后另行通报。');

    // The warnings live at the month's end, one line per project, red first, with why.
    const live = (await c.list()).items;
    const nameOf = (id: number) => [c.built, c.pipes, c.park, c.logistics].find((p) => p.id === id)!.name;
    const warned = section(b, 'warnings').tables[0]!.rows;
    expect(live.length).toBeGreaterThan(0);
    expect(warned.map((r) => r[1]).sort()).toEqual([...new Set(live.map((w) => nameOf(w.projectId)))].sort());
    for (const w of live) expect(warned.find((r) => r[1] === nameOf(w.projectId))![5]).toContain(w.reason);
    expect(live.some((w) => w.projectId === c.built.id && w.rule === 'books_ahead')).toBe(true);
    expect(section(b, 'warnings').text).toContain(`共有红色预警项目${b.figures.warnings.red}个`);

    // Photo comparisons: both points with an April and a May shot (the failed May photo is no candidate), red-warned first.
    expect(b.candidates.map((p) => [p.projectName, p.before.mediaId, p.after.mediaId])).toEqual([
      ['年产10万吨新型建材项目', c.photos[`${c.built.id}:2026-04`], c.photos[`${c.built.id}:2026-05`]],
      ['城区供水管网改造', c.photos[`${c.pipes.id}:2026-04`], c.photos[`${c.pipes.id}:2026-05`]],
    ]);
    expect(b.photos).toEqual(b.candidates);
  });

  it('refuses a bad month, a future month, a second bulletin of a month, and those who may not draft', async () => {
    const bad = await req('POST', '/api/v1/bulletins', { period: '2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('通报月份');
    const future = await req('POST', '/api/v1/bulletins', { period: '2026-07' });
    expect([future.statusCode, future.json().error.message]).toEqual([422, '通报月份不能晚于本月（2026年6月）']);
    const twice = await req('POST', '/api/v1/bulletins', { period: BULLETIN_MONTH });
    expect([twice.statusCode, twice.json().error.message, twice.json().error.details]).toEqual([409, '2026年5月的通报已存在，请在列表中打开', { bulletinId: b.id }]);
    expect((await h.request('POST', '/api/v1/bulletins', { body: { period: '2026-04' } })).statusCode).toBe(401);
    expect((await req('POST', '/api/v1/bulletins', { period: '2026-04' }, c.reviewer.cookie)).statusCode).toBe(403);
    expect((await req('GET', '/api/v1/bulletins', undefined, c.reporter.cookie)).statusCode).toBe(403);
  });

  it('saves the office’s paragraphs and 文号 (audited), and answers a stale save with 409 and the bulletin as it is', async () => {
    const text = '截至5月末，全县重点项目建设总体平稳。\n\n（此段由办公室改写）';
    const { result: res, rows } = await c.f.audited(() => req('PATCH', `/api/v1/bulletins/${b.id}`, { version: b.version, docNo: '〔2026〕11号', sections: [{ key: 'overview', text }] }));
    expect(res.statusCode, res.body).toBe(200);
    const saved: BulletinView = res.json();
    expect([saved.version, saved.docNo, section(saved, 'overview').text]).toEqual([2, '〔2026〕11号', text]);
    expect(section(saved, 'overview').tables).toEqual(section(b, 'overview').tables);
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['update', 'bulletin']]);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ docNo: '〔2026〕11号', 'text:overview': text });
    const stale = await req('PATCH', `/api/v1/bulletins/${b.id}`, { version: b.version, title: '旧版本的标题' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ version: 2, docNo: '〔2026〕11号' });
    const noSuch = await req('PATCH', `/api/v1/bulletins/${b.id}`, { version: 2, sections: [{ key: 'counties', text: 'x' }] });
    expect([noSuch.statusCode, noSuch.json().error.message]).toEqual([422, '正文段落第 1 项：本通报没有这一部分']);
    expect((await req('PATCH', `/api/v1/bulletins/${b.id}`, { version: 2, sections: [{ key: 'nonsense', text: 'x' }] })).statusCode).toBe(400);
    b = saved;
  });

  it('takes the office’s photo picks only from its own region’s printable photos', async () => {
    const other = await c.f.county('外县');
    const otherProject = await c.f.project(other.county);
    const foreign = await pointPhotos(h, other.county, [{ projectId: otherProject.id, point: '外县点位', shots: [['2026-04', 'passed'], ['2026-05', 'passed']] }]);
    const pick = (beforeMediaId: number, afterMediaId: number, caption?: string) => req('PATCH', `/api/v1/bulletins/${b.id}`, { version: b.version, photos: [{ beforeMediaId, afterMediaId, caption }] });
    const p = c.photos;
    const outside = await pick(foreign[`${otherProject.id}:2026-04`]!, foreign[`${otherProject.id}:2026-05`]!);
    expect(outside.statusCode).toBe(404);
    const failed = await pick(p[`${c.logistics.id}:2026-04`]!, p[`${c.logistics.id}:2026-05`]!);
    expect([failed.statusCode, failed.json().error.message]).toEqual([422, '照片对比第 1 组：照片核验未通过，不能用于通报']);
    const mixed = await pick(p[`${c.built.id}:2026-04`]!, p[`${c.pipes.id}:2026-05`]!);
    expect([mixed.statusCode, mixed.json().error.message]).toEqual([422, '照片对比第 1 组：前后两张照片须是同一项目的']);
    const backwards = await pick(p[`${c.pipes.id}:2026-05`]!, p[`${c.pipes.id}:2026-04`]!);
    expect([backwards.statusCode, backwards.json().error.message]).toEqual([422, '照片对比第 1 组：前期照片须早于本期照片的月份']);
    const tooMany = await req('PATCH', `/api/v1/bulletins/${b.id}`, { version: b.version, photos: Array.from({ length: 9 }, () => ({ beforeMediaId: 1, afterMediaId: 2 })) });
    expect(tooMany.statusCode).toBe(400);
    const { result: res, rows } = await c.f.audited(() => pick(p[`${c.pipes.id}:2026-04`]!, p[`${c.pipes.id}:2026-05`]!, '城区供水管网改造：管网铺设进展'));
    expect(res.statusCode, res.body).toBe(200);
    b = res.json();
    expect(b.photos.map((x) => [x.projectName, x.pointName, x.caption, x.before.period, x.after.period])).toEqual([['城区供水管网改造', '管网沿线', '城区供水管网改造：管网铺设进展', '2026-04', '2026-05']]);
    expect(b.candidates).toHaveLength(2);
    expect(JSON.parse(rows[0]!.after!).photos).toEqual([[p[`${c.pipes.id}:2026-04`], p[`${c.pipes.id}:2026-05`], '城区供水管网改造：管网铺设进展']]);
  });

  it('writes a draft’s Word file afresh, marked 征求意见稿, and audits the download', async () => {
    const { result: res, rows } = await c.f.audited(() => req('GET', `/api/v1/bulletins/${b.id}/docx`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('关于2026年5月份全县重点项目建设情况的通报（征求意见稿）.docx'));
    expect(rows.map((r) => [r.action, r.objectType, r.objectId])).toEqual([['export', 'bulletin_docx', String(b.id)]]);
    const { paragraphs } = await readDocx(res.rawPayload);
    expect(paragraphs[0]).toBe('征求意见稿');
    expect(paragraphs).toContain('截至5月末，全县重点项目建设总体平稳。');
  });

  it('shows a draft to its office only: readers see published bulletins, another county sees nothing', async () => {
    const viewer = await c.f.session('viewer', c.region);
    expect((await req('GET', '/api/v1/bulletins', undefined, viewer.cookie)).json()).toMatchObject({ items: [], total: 0 });
    expect((await req('GET', `/api/v1/bulletins/${b.id}`, undefined, viewer.cookie)).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/bulletins/${b.id}/docx`, undefined, viewer.cookie)).statusCode).toBe(404);
    const list = (await req('GET', '/api/v1/bulletins')).json();
    expect(list.items.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([[b.id, 'draft']]);
    const other = await c.f.county('邻县');
    const otherOffice = await c.f.session('office', other.county);
    expect((await req('GET', `/api/v1/bulletins/${b.id}`, undefined, otherOffice.cookie)).statusCode).toBe(404);
    expect((await req('PATCH', `/api/v1/bulletins/${b.id}`, { version: b.version, docNo: 'x' }, otherOffice.cookie)).statusCode).toBe(404);
    expect((await req('POST', `/api/v1/bulletins/${b.id}/publish`, { version: b.version }, otherOffice.cookie)).statusCode).toBe(404);
  });

  it('prints the month’s rankings once it is scored: publishing first is refused, 重新生成 fills them in and keeps the office’s choices', async () => {
    const scored = await req('POST', '/api/v1/scores/compute', { period: BULLETIN_MONTH });
    expect(scored.statusCode, scored.body).toBe(200);
    const early = await req('POST', `/api/v1/bulletins/${b.id}/publish`, { version: b.version });
    expect([early.statusCode, early.json().error.message]).toEqual([422, '本月考核已计分，请先「重新生成」通报，使考核排名印入通报后再发布']);
    const { result: res, rows } = await c.f.audited(() => req('POST', `/api/v1/bulletins/${b.id}/regenerate`, { version: b.version }));
    expect(res.statusCode, res.body).toBe(200);
    const fresh: BulletinView = res.json();
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['regenerate', 'bulletin']]);
    expect([fresh.version, fresh.docNo, fresh.title, fresh.figures.scored]).toEqual([b.version + 1, '〔2026〕11号', b.title, true]);
    expect(section(fresh, 'overview').text).toContain('累计完成投资1.10亿元');
    expect(fresh.photos.map((p) => p.caption)).toEqual(['城区供水管网改造：管网铺设进展']);
    const ranking = (await req('GET', `/api/v1/scores?period=${BULLETIN_MONTH}&kind=project`)).json() as { items: { name: string; rank: number; total: number }[] };
    const rankings = section(fresh, 'rankings');
    expect(rankings.tables[0]!.title).toBe('项目考核排名');
    expect(rankings.tables[0]!.rows.map((r) => [r[0], r[1], r[2]])).toEqual(ranking.items.map((i) => [String(i.rank), i.name, i.total.toFixed(1)]));
    expect(rankings.tables.some((t) => t.title === '责任单位考核排名')).toBe(true);
    expect(rankings.text).toContain(`对5月份${ranking.items.length}个重点项目进行考核计分`);
    expect((await req('POST', `/api/v1/bulletins/${b.id}/regenerate`, { version: b.version })).statusCode).toBe(409);
    b = fresh;
  });

  it('publishes once: the Word file stored with its sha256 is handed out byte for byte, and the month’s scores are frozen', async () => {
    const { result: res, rows } = await c.f.audited(() => req('POST', `/api/v1/bulletins/${b.id}/publish`, { version: b.version }));
    expect(res.statusCode, res.body).toBe(200);
    const published: BulletinView = res.json();
    expect(published).toMatchObject({ status: 'published', version: b.version + 1, canEdit: false, publishedAt: '2026-06-10T02:00:00.000Z', publishedByName: 'office用户', candidates: [] });
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['publish', 'bulletin']]);
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ status: 'published', docxSha256: published.docxSha256, scoresFrozen: true });
    const run = await h.ctx.db.selectFrom('scoreRun').select('status').where('regionCode', '=', c.region).where('period', '=', BULLETIN_MONTH).executeTakeFirstOrThrow();
    expect(run.status).toBe('published');
    // The county's departments are told it is out; the office that published it is not.
    const notices = (await req('GET', '/api/v1/notifications', undefined, c.reviewer.cookie)).json().items.filter((n: { kind: string }) => n.kind === 'bulletin_published');
    expect(notices).toEqual([expect.objectContaining({ title: '关于2026年5月份全县重点项目建设情况的通报已印发', body: '文号：〔2026〕11号', link: `/bulletins/${b.id}` })]);
    expect((await req('GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'bulletin_published')).toEqual([]);

    h.clock.set('2026-06-20T02:00:00Z');
    c.office.cookie = await c.f.login(c.office.username);
    const first = await req('GET', `/api/v1/bulletins/${b.id}/docx`);
    const second = await req('GET', `/api/v1/bulletins/${b.id}/docx`);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
    expect(createHash('sha256').update(first.rawPayload).digest('hex')).toBe(published.docxSha256);
    expect(first.rawPayload.length).toBe(published.docxSize);

    const { paragraphs, tables } = await readDocx(first.rawPayload);
    expect(paragraphs).not.toContain('征求意见稿');
    expect(paragraphs.slice(0, 3)).toEqual(['测试县重点项目推进办公室', '〔2026〕11号', '']);
    expect(paragraphs).toContain('关于2026年5月份全县重点项目建设情况的通报');
    for (const heading of ['一、总体情况', '二、分类推进情况', '三、责任单位推进情况', '四、红黄预警项目情况', '五、问题协调解决情况', '六、督导检查情况', '七、考核排名情况', '八、影像资料对比', '九、下步工作要求']) {
      expect(paragraphs).toContain(heading);
    }
    expect(paragraphs).toContain('城区供水管网改造：管网铺设进展');
    expect(paragraphs).toContain('左：2026年4月\u3000右：2026年5月');
    expect(paragraphs.slice(-2)).toEqual(['测试县重点项目推进办公室', '2026年6月10日']);
    expect(tables).toContainEqual(expect.arrayContaining([['工业', '2', '17,000', '6,000', '35.3%', expect.any(String), expect.any(String)]]));
    expect(tables).toContainEqual(expect.arrayContaining([['2', '年产10万吨新型建材项目', '2026-05-12', '差', '账面超前于现场', '1.如实填报投资完成情况']]));
    // The two photos of the comparison are in the file (their display images, 320×240 JPEG).
    const media = inspectZip(first.rawPayload).filter((e) => e.name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
  });

  it('refuses every write once published, and shows the published bulletin to readers', async () => {
    const now: BulletinView = (await req('GET', `/api/v1/bulletins/${b.id}`)).json();
    const edit = await req('PATCH', `/api/v1/bulletins/${b.id}`, { version: now.version, docNo: '〔2026〕12号' });
    expect([edit.statusCode, edit.json().error.message]).toEqual([422, '通报已发布，不能修改']);
    expect((await req('PATCH', `/api/v1/bulletins/${b.id}`, { version: 1, docNo: 'x' })).statusCode).toBe(422);
    expect((await req('POST', `/api/v1/bulletins/${b.id}/regenerate`, { version: now.version })).statusCode).toBe(422);
    expect((await req('POST', `/api/v1/bulletins/${b.id}/publish`, { version: now.version })).statusCode).toBe(422);
    expect((await req('DELETE', `/api/v1/bulletins/${b.id}?version=${now.version}`)).statusCode).toBe(422);
    const after = await h.ctx.db.selectFrom('bulletin').select(['version', 'docNo', 'status']).where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ version: now.version, docNo: '〔2026〕11号', status: 'published' });

    const viewer = await c.f.session('viewer', c.region);
    const list = (await req('GET', '/api/v1/bulletins', undefined, viewer.cookie)).json();
    expect(list.items.map((i: { id: number; status: string; docNo: string }) => [i.id, i.status, i.docNo])).toEqual([[b.id, 'published', '〔2026〕11号']]);
    const read: BulletinView = (await req('GET', `/api/v1/bulletins/${b.id}`, undefined, viewer.cookie)).json();
    expect([read.canEdit, read.candidates]).toEqual([false, []]);
    // A department reads it too (logged in again: the clock has moved on ten days).
    const file = await req('GET', `/api/v1/bulletins/${b.id}/docx`, undefined, await c.f.login(c.reviewer.username));
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(now.docxSha256);
  });

  it('deletes a draft (audited), not a stale one', async () => {
    const made: BulletinView = (await req('POST', '/api/v1/bulletins', { period: '2026-04' })).json();
    expect(section(made, 'overview').text).toContain('截至4月末');
    expect((await req('DELETE', `/api/v1/bulletins/${made.id}`)).statusCode).toBe(400);
    expect((await req('DELETE', `/api/v1/bulletins/${made.id}?version=${made.version + 1}`)).statusCode).toBe(409);
    const { result: res, rows } = await c.f.audited(() => req('DELETE', `/api/v1/bulletins/${made.id}?version=${made.version}`));
    expect(res.statusCode).toBe(200);
    expect(rows.map((r) => [r.action, r.objectType, r.objectId])).toEqual([['delete', 'bulletin', String(made.id)]]);
    expect((await req('GET', `/api/v1/bulletins/${made.id}`)).statusCode).toBe(404);
  });

  it('drafts a city’s bulletin with its counties ranked, and shows the city the county’s published one read-only', async () => {
    const city = await c.f.session('office', c.codes.city);
    const res = await req('POST', '/api/v1/bulletins', { period: BULLETIN_MONTH }, city.cookie);
    expect(res.statusCode, res.body).toBe(201);
    const v: BulletinView = res.json();
    expect(v.title).toBe('关于2026年5月份全市重点项目建设情况的通报');
    expect(v.sections.map((s) => s.key)).toContain('counties');
    expect(section(v, 'counties').text).toContain('在全市各县（市、区）中，测试县累计完成投资1.10亿元，居第一');
    expect(section(v, 'counties').tables[0]!.rows[0]).toEqual(['测试县', '4', '31,000', '11,000', '35.5%', '1']);
    const list = (await req('GET', '/api/v1/bulletins', undefined, city.cookie)).json();
    expect(list.items.map((i: { id: number }) => i.id).sort()).toEqual([b.id, v.id].sort());
    const county: BulletinView = (await req('GET', `/api/v1/bulletins/${b.id}`, undefined, city.cookie)).json();
    expect(county.canEdit).toBe(false);
    expect((await req('PATCH', `/api/v1/bulletins/${v.id}`, { version: v.version, docNo: 'x' })).statusCode).toBe(404);
  });
});
