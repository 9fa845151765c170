import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, type ScoringScheme } from '@tuijin/core';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { allowNoPhotos, openMonth } from '../../test/report-fixtures';
import { warningCounty, type WarningCounty } from '../../test/warning-fixtures';
import { verifyAuditChain } from '../../lib/audit';
import { freezeScores, rankingSnapshot } from './snapshot';

// Scoring a month through the API on a county whose May is real: reports filled, sent (one on
// time, one late, one never) and approved, a node met, an obstacle left overdue. Then the
// scheme revised from June, May published (and frozen against a rescore and against the
// revision), June scored under the new version with movement since May, the year's standing,
// and the year-end rewards and penalties.

const W = 10_000;
type Row = { subjectId: string; name: string; total: number; rank: number; flag: string | null; movement: number | null; previousRank: number | null; projects: number | null };

describe.each(DIALECTS)('the assessment API on %s', (dialect) => {
  let h: Harness;
  let c: WarningCounty;
  let ahead: { id: number };
  let behind: { id: number };
  let unstarted: { id: number };
  let otherDept: { id: number };

  const as = (cookie: string) => ({
    get: (url: string) => h.request('GET', url, { cookie }),
    post: (url: string, body: unknown) => h.request('POST', url, { cookie, body }),
  });
  const office = () => as(c.office.cookie);
  const ranking = async (period: string, kind = 'project', cookie = c.office.cookie) => {
    const res = await h.request('GET', `/api/v1/scores?period=${period}&kind=${kind}`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { run: { status: string; version: number; scheme: { name: string; version: number } } | null; items: Row[]; kinds: string[] };
  };

  async function fillAndSend(projectId: number, ytd: number, sendOn: string, approve = true) {
    const report = await h.ctx.db.selectFrom('monthlyReport').select(['id']).where('projectId', '=', projectId).where('period', '=', '2026-05').executeTakeFirstOrThrow();
    await c.on(sendOn);
    const view = (await h.request('GET', `/api/v1/reports/${report.id}`, { cookie: c.reporter.cookie })).json();
    const saved = await h.request('PATCH', `/api/v1/reports/${report.id}`, { cookie: c.reporter.cookie, body: { version: view.version, thisMonth: ytd, ytd, cumulative: ytd, progress: '主体施工' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await h.request('POST', `/api/v1/reports/${report.id}/submit`, { cookie: c.reporter.cookie, body: { version: saved.json().version } });
    expect(sent.statusCode, sent.body).toBe(200);
    if (approve) {
      const ok = await h.request('POST', `/api/v1/reports/${report.id}/approve`, { cookie: c.reviewer.cookie, body: { version: sent.json().version } });
      expect(ok.statusCode, ok.body).toBe(200);
    }
    return report.id;
  }

  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-05-01T02:00:00Z');
    c = await warningCounty(h);
    await allowNoPhotos(h, c);
    ahead = c.project;
    behind = await c.addProject('滞后项目', { stage: 'under_construction', ownerOrgId: c.company.id, actualStartDate: '2026-02-01', totalInvestment: 100_000 * W } as never);
    unstarted = await c.addProject('未开工项目', { stage: 'signed', ownerOrgId: c.company.id, commitStartDate: '2026-04-01', totalInvestment: 100_000 * W } as never);
    const dept2 = await c.f.org('department', c.region, '县发改局');
    otherDept = await c.addProject('发改局项目', { stage: 'under_construction', ownerOrgId: c.company.id, responsibleOrgId: dept2.id, actualStartDate: '2025-06-01', totalInvestment: 100_000 * W } as never);
    // Plans: 1.2亿 (5,000万 due by May) and 2.4亿 (1亿 due by May).
    await h.request('PUT', `/api/v1/projects/${behind.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 24_000 * W, target: 24_000 * W } });
    await h.request('POST', `/api/v1/projects/${ahead.id}/nodes`, { cookie: c.office.cookie, body: { kind: 'main_structure', name: '主体封顶', plannedDate: '2026-05-15', actualDate: '2026-05-10' } });
    const obstacle = await h.request('POST', '/api/v1/obstacles', { cookie: c.office.cookie, body: { projectId: behind.id, kind: 'land', description: '用地指标未落实', ownerOrgId: c.dept.id, deadline: '2026-05-20' } });
    expect(obstacle.statusCode, obstacle.body).toBe(201);

    await c.on('2026-06-01');
    await openMonth(h, c, '2026-05', { deadline: '2026-06-05' });
    await fillAndSend(ahead.id, 5_000 * W, '2026-06-02');
    await fillAndSend(behind.id, 5_000 * W, '2026-06-08');
    await fillAndSend(otherDept.id, 3_000 * W, '2026-06-03', false);
    await c.on('2026-06-10');
  });
  afterAll(() => h.close());

  it('refuses anyone not logged in, reporters and non-office writers; names bad input in Chinese', async () => {
    expect((await h.request('GET', '/api/v1/scores?period=2026-05')).statusCode).toBe(401);
    expect((await as(c.reporter.cookie).get('/api/v1/scores?period=2026-05')).statusCode).toBe(403);
    expect((await as(c.reviewer.cookie).post('/api/v1/scores/compute', { period: '2026-05' })).statusCode).toBe(403);
    expect((await as(c.reviewer.cookie).post('/api/v1/scoring-schemes', {})).statusCode).toBe(403);
    const bad = await office().get('/api/v1/scores?period=2026-13&kind=boss');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual([expect.stringMatching(/^考核月份：/), expect.stringMatching(/^考核对象：/)]);
    const future = await office().post('/api/v1/scores/compute', { period: '2026-07' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.message).toBe('2026年7月尚未到来，不能计分');
    const unscored = await office().post('/api/v1/scores/publish', { period: '2026-04', version: 1 });
    expect(unscored.json().error.message).toBe('2026年4月尚未计分，不能发布');
  });

  it('scores May under the built-in scheme and ranks projects and departments; a draft is the office\'s alone', async () => {
    const { rows } = await c.f.audited(() => office().post('/api/v1/scores/compute', { period: '2026-05' }));
    expect(rows.filter((r) => r.action === 'score' && r.objectType === 'score_run')).toHaveLength(1);
    const may = await ranking('2026-05');
    expect(may.run).toMatchObject({ status: 'draft', scheme: { version: 0, name: '重点项目建设月度考核办法（系统默认）' } });
    expect(may.kinds).toEqual(['project', 'department', 'leader', 'township']);
    // 项目 on pace, node on time, report on time (no photos: 2.5 off quality) → 67.5 of 70 = 96.43.
    // 发改局项目: no plan and no node; report on time → 17.5 of 20 (report 10, quality 2.5, inspection 5) = 87.5.
    // 滞后项目: half its pace (17.5), report late (0), quality 2.5, obstacle overdue (2.5), inspection 5 → 27.5 of 60 = 45.83.
    // 未开工项目: start missed (0), report never sent (0), inspection 5 → 5 of 25 = 20.
    expect(may.items.map((r) => [r.name, r.total, r.rank, r.flag])).toEqual([
      [expect.any(String), 96.43, 1, 'red'],
      ['发改局项目', 87.5, 2, 'red'],
      ['滞后项目', 45.83, 3, 'red'],
      ['未开工项目', 20, 4, 'yellow'],
    ]);
    expect(may.items[0]!.subjectId).toBe(String(ahead.id));
    const depts = await ranking('2026-05', 'department');
    expect(depts.items.map((r) => [r.name, r.total, r.projects])).toEqual([['县发改局', 87.5, 1], [expect.stringMatching(/^县住建局/), round2((96.43 + 45.83 + 20) / 3), 3]]);
    // Not yet published: the department reads nothing, and no explanation either.
    expect((await ranking('2026-05', 'project', c.reviewer.cookie)).run).toBeNull();
    expect((await as(c.reviewer.cookie).get(`/api/v1/scores/explain?period=2026-05&kind=project&subjectId=${behind.id}`)).statusCode).toBe(404);
  });

  it('explains a score item by item with the records behind it, and a group by its projects', async () => {
    const res = await office().get(`/api/v1/scores/explain?period=2026-05&kind=project&subjectId=${behind.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({ total: 45.83, rank: 3, of: 4, applicableWeight: 60, subject: { name: '滞后项目' } });
    const item = (key: string) => e.items.find((i: { key: string }) => i.key === key);
    expect(item('investment')).toMatchObject({ score: 17.5, applicable: true, explain: '本年累计完成5,000.00 万元，年度计划2.40 亿元，按序时（5/12）应完成1.00 亿元，完成序时进度的50.0%；得17.5分（满分35分）' });
    expect(item('investment').refs).toEqual([expect.objectContaining({ kind: 'report', link: expect.stringMatching(/^\/reports\/\d+$/) })]);
    expect(item('report').explain).toBe('报送截止2026-06-05，2026-06-08报送，逾期；1次×10分，扣10分，得0分');
    expect(item('obstacles')).toMatchObject({ score: 2.5, explain: '本月应解决问题1个，按期解决0个，月末仍逾期1个；1次×2.5分，扣2.5分，得2.5分' });
    expect(item('obstacles').refs).toEqual([expect.objectContaining({ kind: 'obstacle', label: '用地指标未落实', date: '2026-05-20', link: expect.stringMatching(/^\/obstacles\/\d+$/) })]);
    expect(item('nodes')).toMatchObject({ applicable: false, score: 0 });
    expect(item('milestones').formulaText).toBe('每次加2分，最多加5分');

    const dept = (await ranking('2026-05', 'department')).items.find((r) => r.projects === 3)!;
    const g = (await office().get(`/api/v1/scores/explain?period=2026-05&kind=department&subjectId=${dept.subjectId}`)).json();
    expect(g.projects.map((p: { name: string; rank: number }) => [p.name, p.rank])).toEqual([[expect.any(String), 1], ['滞后项目', 3], ['未开工项目', 4]]);
    expect(g.items.find((i: { key: string }) => i.key === 'report').explain).toBe('3个项目中3个适用，平均得3.33分');
    expect((await office().get('/api/v1/scores/explain?period=2026-05&kind=project&subjectId=999999')).statusCode).toBe(404);
  });

  it('keeps scheme versions: a revision takes effect from a month, a stale or invalid one is refused', async () => {
    const start = (await office().get('/api/v1/scoring-schemes')).json();
    expect(start).toMatchObject({ inheritedFrom: '系统默认', latestOwnVersion: 0, publishedThrough: null, versions: [] });
    // Reports on time count for more from June; the weights still add to a hundred.
    const document: ScoringScheme = {
      ...DEFAULT_SCHEME,
      items: DEFAULT_SCHEME.items.map((i) => (i.key === 'investment' ? { ...i, weight: 25 } : i.key === 'report' ? { ...i, weight: 20, formula: { kind: 'deduction', per: 20 } } : i)),
    };
    const invalid = await office().post('/api/v1/scoring-schemes', { name: '2026年修订', effectiveFrom: '2026-06', baseVersion: 0, document: { ...document, items: document.items.slice(1) } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details[0]).toMatchObject({ message: expect.stringContaining('各考核项分值合计应为100分，现为75分') });
    const saved = await office().post('/api/v1/scoring-schemes', { name: '2026年修订', effectiveFrom: '2026-06', baseVersion: 0, document, note: '加重月报考核' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ latestOwnVersion: 1, inheritedFrom: null, current: { version: 1, name: '2026年修订' } });
    const stale = await office().post('/api/v1/scoring-schemes', { name: '又一版', effectiveFrom: '2026-06', baseVersion: 0, document });
    expect(stale.statusCode).toBe(409);
    // May is still governed by the built-in scheme.
    expect((await office().get('/api/v1/scoring-schemes?period=2026-05')).json()).toMatchObject({ inheritedFrom: '系统默认', current: { version: 0 } });
    await office().post('/api/v1/scores/compute', { period: '2026-05' });
    expect((await ranking('2026-05')).run?.scheme.version).toBe(0);
  });

  it('publishes May: frozen against a rescore and a revision reaching back, readable by the department', async () => {
    const draft = await ranking('2026-05');
    expect((await office().post('/api/v1/scores/publish', { period: '2026-05', version: draft.run!.version + 1 })).statusCode).toBe(409);
    const published = await office().post('/api/v1/scores/publish', { period: '2026-05', version: draft.run!.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().run.status).toBe('published');
    const again = await office().post('/api/v1/scores/compute', { period: '2026-05' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('2026年5月考核结果已发布，不能重新计分');
    const back = await office().post('/api/v1/scoring-schemes', { name: '追溯', effectiveFrom: '2026-05', baseVersion: 1, document: DEFAULT_SCHEME });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toBe('2026年5月及以前的考核结果已发布，修订后的办法只能从以后的月份起施行');
    const seen = await ranking('2026-05', 'project', c.reviewer.cookie);
    expect(seen.items.map((r) => r.total)).toEqual(draft.items.map((r) => r.total));
  });

  it('scores June under the revision, with movement since May', async () => {
    await c.on('2026-06-20');
    // The unstarted project starts in June: a bonus, and its start is now late rather than missing.
    await h.ctx.db.updateTable('project').set({ actualStartDate: '2026-06-12', stage: 'under_construction' }).where('id', '=', unstarted.id).execute();
    expect((await office().post('/api/v1/scores/compute', { period: '2026-06' })).statusCode).toBe(200);
    const june = await ranking('2026-06');
    expect(june.run?.scheme).toMatchObject({ version: 1, name: '2026年修订' });
    const unstartedRow = june.items.find((r) => r.name === '未开工项目')!;
    expect(unstartedRow.previousRank).toBe(4);
    expect(unstartedRow.movement).toBe(4 - unstartedRow.rank);
    const e = (await office().get(`/api/v1/scores/explain?period=2026-06&kind=project&subjectId=${unstarted.id}`)).json();
    expect(e.items.find((i: { key: string }) => i.key === 'milestones')).toMatchObject({ score: 2, explain: '本月开工；加2分' });
    expect(e.items.find((i: { key: string }) => i.key === 'start').explain).toBe('承诺开工日期2026-04-01，实际2026-06-12，未按期；1次×10分，扣10分，得0分');
    expect(e.items.find((i: { key: string }) => i.key === 'report').weight).toBe(20);
  });

  it('hands the bulletin the month\'s rankings, and freezes on its publication', async () => {
    const snap = await rankingSnapshot(h.ctx.db, c.region, '2026-06');
    expect(snap).toMatchObject({ status: 'draft', scheme: { version: 1 } });
    expect(snap!.rankings.project!.find((r) => r.subjectId === unstarted.id)).toMatchObject({ previousRank: 4 });
    expect(await rankingSnapshot(h.ctx.db, c.region, '2026-03')).toBeNull();
    expect(await freezeScores(h.ctx.db, c.region, '2026-06', '2026-06-21T00:00:00.000Z')).toBe(true);
    expect((await ranking('2026-06')).run?.status).toBe('published');
    expect(await freezeScores(h.ctx.db, c.region, '2026-03', '2026-06-21T00:00:00.000Z')).toBe(false);
  });

  it('averages the year over its published months and grades it', async () => {
    const res = await office().get('/api/v1/scores/year?year=2026&kind=project');
    expect(res.statusCode, res.body).toBe(200);
    const year = res.json();
    expect(year.months).toEqual(['2026-05', '2026-06']);
    const top = year.items[0];
    expect(top).toMatchObject({ rank: 1, months: 2, monthly: [expect.objectContaining({ period: '2026-05' }), expect.objectContaining({ period: '2026-06' })] });
    expect(top.average).toBeCloseTo((top.monthly[0].total + top.monthly[1].total) / 2, 2);
    expect(year.items.at(-1).grade).toBe('不合格');
  });

  it('lets a city office rank its counties (全市各县) by the mean of their projects', async () => {
    const admin = await c.f.session('sysadmin', c.codes.city);
    const code = `${c.codes.city.slice(0, 4)}09`;
    const made = await h.request('POST', '/api/v1/regions', { cookie: admin.cookie, body: { code, name: '乙县', level: 'county', parentCode: c.codes.city } });
    expect(made.statusCode, made.body).toBe(201);
    await c.f.project(code, { name: '乙县项目', stage: 'preparing' } as never);
    const city = await c.f.session('office', c.codes.city);
    expect((await as(city.cookie).post('/api/v1/scores/compute', { period: '2026-05' })).statusCode).toBe(200);
    const res = (await h.request('GET', '/api/v1/scores?period=2026-05&kind=region', { cookie: city.cookie })).json();
    expect(res.kinds).toContain('region');
    // 乙县's one project had nothing due in May (a full base); the county's four average 62.07.
    expect(res.items.map((r: Row) => [r.name, r.total, r.rank, r.projects])).toEqual([['乙县', 100, 1, 1], [expect.any(String), round2((96.43 + 87.5 + 45.83 + 20) / 4), 2, 4]]);
    // The county's own month is its own run: the city's scoring does not touch it.
    expect((await ranking('2026-05')).run?.status).toBe('published');
    expect((await ranking('2026-05')).kinds).not.toContain('region');
  });

  it('records year-end rewards and penalties: versioned, audited, only for subjects of the county', async () => {
    const created = await office().post('/api/v1/assessment-awards', { year: 2026, subjectKind: 'project', subjectId: ahead.id, kind: 'reward', title: '年度先进项目', docNo: '县重点办〔2026〕12号', decidedOn: '2026-06-20' });
    expect(created.statusCode, created.body).toBe(200);
    const a = created.json();
    expect(a).toMatchObject({ subjectName: expect.any(String), kindLabel: '奖励', version: 1 });
    const elsewhere = await c.f.project((await c.f.county()).county, { name: '外县项目' } as never);
    const outside = await office().post('/api/v1/assessment-awards', { year: 2026, subjectKind: 'project', subjectId: elsewhere.id, kind: 'penalty', title: '通报批评', decidedOn: '2026-06-20' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.message).toBe('项目不存在或不在本地区');
    const edited = await h.request('PATCH', `/api/v1/assessment-awards/${a.id}`, { cookie: c.office.cookie, body: { version: 1, detail: '奖励资金20万元' } });
    expect(edited.json()).toMatchObject({ version: 2, detail: '奖励资金20万元' });
    expect((await h.request('PATCH', `/api/v1/assessment-awards/${a.id}`, { cookie: c.office.cookie, body: { version: 1, title: '改' } })).statusCode).toBe(409);
    expect((await as(c.reviewer.cookie).get('/api/v1/assessment-awards?year=2026')).json().items).toHaveLength(1);
    expect((await h.request('DELETE', `/api/v1/assessment-awards/${a.id}?version=2`, { cookie: c.office.cookie })).statusCode).toBe(200);
    expect((await office().get('/api/v1/assessment-awards?year=2026')).json().items).toEqual([]);
    expect(await verifyAuditChain(h.ctx.db)).toMatchObject({ ok: true });
  });
});

function round2(n: number) {
  return Math.round(n * 100) / 100;
}
