import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { allowNoPhotos, openMonth, reportingCounty, type ReportingCounty } from '../../test/report-fixtures';

const W = 10_000;

describe.each(DIALECTS)('the monthly report cycle on %s', (dialect) => {
  let h: Harness;
  let c: ReportingCounty;
  let reportId: number;
  let periodId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-06-02T02:00:00Z');
    c = await reportingCounty(h);
    await allowNoPhotos(h, c);
    const opened = await openMonth(h, c);
    reportId = opened.reportId;
    periodId = opened.period.id;
  });
  afterAll(() => h.close());

  const get = (cookie: string, id = reportId) => h.request('GET', `/api/v1/reports/${id}`, { cookie });
  const save = (cookie: string, body: Record<string, unknown>, id = reportId) => h.request('PATCH', `/api/v1/reports/${id}`, { cookie, body });
  const act = (cookie: string, action: string, body: Record<string, unknown>, id = reportId) => h.request('POST', `/api/v1/reports/${id}/${action}`, { cookie, body });

  it('refuses anyone not logged in', async () => {
    expect((await h.request('GET', '/api/v1/reports')).statusCode).toBe(401);
    expect((await save('', { version: 1 })).statusCode).toBe(401);
    expect((await h.request('POST', '/api/v1/periods', { body: { period: '2026-04' } })).statusCode).toBe(401);
  });

  it('opens the month with a report for every reporting project, and tells the company', async () => {
    const period = (await h.request('GET', `/api/v1/periods/${periodId}`, { cookie: c.office.cookie })).json();
    expect(period).toMatchObject({ period: '2026-05', deadline: '2026-06-05', status: 'open', counts: { total: 1, notStarted: 1 }, canManage: true });
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.reporter.cookie })).json();
    expect(notices.items[0]).toMatchObject({ kind: 'period_opened', title: '2026年5月月报已开启' });
    const again = await h.request('POST', '/api/v1/periods', { cookie: c.office.cookie, body: { period: '2026-05' } });
    expect(again.statusCode).toBe(409);
    const future = await h.request('POST', '/api/v1/periods', { cookie: c.office.cookie, body: { period: '2026-07' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('还没有到');
  });

  it('lets only the office open a month', async () => {
    for (const who of [c.reporter, c.reviewer]) {
      expect((await h.request('POST', '/api/v1/periods', { cookie: who.cookie, body: { period: '2026-03' } })).statusCode).toBe(403);
    }
  });

  it('shows the company its report with proposals from the ledger, and saves a draft', async () => {
    const view = (await get(c.reporter.cookie)).json();
    expect(view).toMatchObject({ status: 'draft', statusLabel: '未填报', canEdit: true, canReview: false, period: '2026-05' });
    expect(view.project).toMatchObject({ id: c.project.id, totalInvestment: 500_000_000 });
    expect(view.previous).toEqual({ ytd: null, cumulative: null, period: null });
    const res = await save(c.reporter.cookie, { version: view.version, thisMonth: 800 * W, ytd: 3000 * W, cumulative: 9000 * W, progress: '主体结构施工至三层', funds: [{ source: 'enterprise', amount: 500 * W }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', statusLabel: '草稿', thisMonth: 800 * W, version: view.version + 1, funds: [{ source: 'enterprise', amount: 500 * W }] });
  });

  it('names the field in Chinese and writes nothing for bad input', async () => {
    const before = (await get(c.reporter.cookie)).json();
    const res = await save(c.reporter.cookie, { version: before.version, thisMonth: 12.5, problems: [{ kind: 'weather', description: '' }] });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^本月完成投资：/), expect.stringMatching(/^存在问题第 1 项的类型：/)]));
    expect((await get(c.reporter.cookie)).json().version).toBe(before.version);
  });

  it('answers a stale save with 409 and the report as it now is', async () => {
    const res = await save(c.reporter.cookie, { version: 1, progress: '旧版本' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current).toMatchObject({ progress: '主体结构施工至三层' });
  });

  it('hides the report from another company and another county', async () => {
    const other = await c.f.org('company', c.region);
    const stranger = await c.f.session('reporter', c.region, { orgId: other.id });
    expect((await get(stranger.cookie)).statusCode).toBe(404);
    expect((await save(stranger.cookie, { version: 2 })).statusCode).toBe(404);
    const far = await c.f.county('外县');
    const farOffice = await c.f.session('office', far.county);
    expect((await get(farOffice.cookie)).statusCode).toBe(404);
    expect((await act(farOffice.cookie, 'approve', { version: 2 })).statusCode).toBe(404);
    const list = (await h.request('GET', '/api/v1/reports', { cookie: stranger.cookie })).json();
    expect(list.total).toBe(0);
  });

  it('refuses a cumulative above the total investment until it is explained', async () => {
    const view = (await get(c.reporter.cookie)).json();
    await save(c.reporter.cookie, { version: view.version, cumulative: 60_000 * W });
    const refused = await act(c.reporter.cookie, 'submit', { version: view.version + 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('超过项目总投资');
    expect((await get(c.reporter.cookie)).json().status).toBe('draft');
  });

  it('submits the whole report, locks it, raises its problems as obstacles and tells the reviewer', async () => {
    const view = (await get(c.reporter.cookie)).json();
    const saved = await save(c.reporter.cookie, {
      version: view.version, cumulative: 9000 * W, problems: [{ kind: 'land', description: '二期用地指标未落实' }], nextPlan: '主体封顶', coordination: '协调供电',
    });
    expect(saved.statusCode).toBe(200);
    const res = await act(c.reporter.cookie, 'submit', { version: saved.json().version });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ status: 'submitted', canEdit: false, punctuality: 'on_time' });
    expect(report.problems[0].obstacleId).toBeGreaterThan(0);
    const obstacle = await h.ctx.db.selectFrom('obstacle').selectAll().where('id', '=', report.problems[0].obstacleId).executeTakeFirstOrThrow();
    expect(obstacle).toMatchObject({ projectId: c.project.id, kind: 'land', source: 'report', sourceId: reportId, ownerOrgId: c.dept.id, status: 'open' });
    expect((await save(c.reporter.cookie, { version: report.version, progress: '改' })).statusCode).toBe(422);
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.reviewer.cookie })).json();
    expect(notices.items[0]).toMatchObject({ kind: 'report_submitted', link: `/reports/${reportId}` });
    const audit = await h.ctx.db.selectFrom('auditEvent').select(['action', 'objectType']).where('objectType', 'in', ['monthly_report', 'obstacle']).orderBy('id', 'desc').limit(2).execute();
    expect(audit.map((a) => a.action)).toEqual(['submit', 'create']);
  });

  it('returns with a reason, keeps the history, and resubmits without duplicating obstacles', async () => {
    const view = (await get(c.reviewer.cookie)).json();
    expect(view.canReview).toBe(true);
    expect((await act(c.reviewer.cookie, 'return', { version: view.version })).statusCode).toBe(400);
    const returned = await act(c.reviewer.cookie, 'return', { version: view.version, comment: '照片不清晰，请补充' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '照片不清晰，请补充', returnCount: 1 });
    const mine = (await get(c.reporter.cookie)).json();
    expect(mine.canEdit).toBe(true);
    const saved = await save(c.reporter.cookie, { version: mine.version, progress: '主体结构施工至四层', problems: mine.problems.map((p: { kind: string; description: string; obstacleId: number }) => ({ kind: p.kind, description: p.description, obstacleId: p.obstacleId })) });
    expect(saved.statusCode).toBe(200);
    const resubmitted = await act(c.reporter.cookie, 'submit', { version: saved.json().version });
    expect(resubmitted.statusCode).toBe(200);
    const obstacles = await h.ctx.db.selectFrom('obstacle').select('id').where('sourceId', '=', reportId).execute();
    expect(obstacles).toHaveLength(1);
    expect(resubmitted.json().history.map((e: { action: string }) => e.action)).toEqual(['submit', 'return', 'submit']);
  });

  it('approves it for the department, and the approved figures reach the ledger', async () => {
    const officeFilled = (await get(c.office.cookie)).json();
    expect(officeFilled.canReview).toBe(true);
    const view = (await get(c.reviewer.cookie)).json();
    const res = await act(c.reviewer.cookie, 'approve', { version: view.version, comment: '同意' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewedByName: 'department用户' });
    // The reviewer's 「待审核」 notices about it are settled with the decision.
    const notices = (await h.request('GET', '/api/v1/notifications?unread=1', { cookie: c.reviewer.cookie })).json();
    expect(notices.items.filter((n: { link: string }) => n.link === `/reports/${reportId}`)).toEqual([]);
    const plan = await h.ctx.db.selectFrom('annualPlan').select(['completed', 'completedThrough']).where('projectId', '=', c.project.id).where('year', '=', 2026).executeTakeFirstOrThrow();
    expect(plan).toEqual({ completed: 3000 * W, completedThrough: '2026-05' });
    expect((await act(c.reviewer.cookie, 'return', { version: res.json().version, comment: '再看看' })).statusCode).toBe(422);
  });

  it('lists the month for the office with the counts that follow', async () => {
    const period = (await h.request('GET', `/api/v1/periods/${periodId}`, { cookie: c.office.cookie })).json();
    expect(period.counts).toMatchObject({ total: 1, approved: 1, late: 0, missing: 0 });
    const list = (await h.request('GET', `/api/v1/reports?periodId=${periodId}&status=approved`, { cookie: c.office.cookie })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ projectName: c.project.name, status: 'approved', ytd: 3000 * W });
  });
});

describe.each(DIALECTS)('reviewing, reminding and closing on %s', (dialect) => {
  let h: Harness;
  let c: ReportingCounty;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await reportingCounty(h);
    await allowNoPhotos(h, c);
  });
  afterAll(() => h.close());

  it('keeps the office from approving a report it submitted itself', async () => {
    const { reportId } = await openMonth(h, c, '2026-04');
    const view = (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie: c.office.cookie })).json();
    const saved = await h.request('PATCH', `/api/v1/reports/${reportId}`, { cookie: c.office.cookie, body: { version: view.version, noChange: true, noChangeReason: '春节后复工准备' } });
    const sent = await h.request('POST', `/api/v1/reports/${reportId}/submit`, { cookie: c.office.cookie, body: { version: saved.json().version } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ noChange: true, thisMonth: 0, canReview: false });
    const refused = await h.request('POST', `/api/v1/reports/${reportId}/approve`, { cookie: c.office.cookie, body: { version: sent.json().version } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('不能审核自己报送的月报');
  });

  it('counts late and missing reports, reminds the missing, and closes the month', async () => {
    h.clock.set('2026-06-01T02:00:00Z');
    const { period, reportId } = await openMonth(h, c, '2026-05', { deadline: '2026-06-05' });
    h.clock.set('2026-06-10T02:00:00Z');
    const board = (await h.request('GET', `/api/v1/periods/${period.id}`, { cookie: c.office.cookie })).json();
    expect(board.counts).toMatchObject({ total: 1, missing: 1 });
    const missing = (await h.request('GET', `/api/v1/reports?periodId=${period.id}&status=missing`, { cookie: c.office.cookie })).json();
    expect(missing.items.map((r: { id: number }) => r.id)).toEqual([reportId]);
    const unsent = (await h.request('GET', `/api/v1/reports?periodId=${period.id}&status=unsent`, { cookie: c.office.cookie })).json();
    expect(unsent.items.map((r: { id: number }) => r.id)).toEqual([reportId]);
    const reminded = await h.request('POST', `/api/v1/periods/${period.id}/remind`, { cookie: c.office.cookie, body: {} });
    expect(reminded.json()).toMatchObject({ reports: 1, users: 1, companies: 1, reportIds: [reportId] });
    const notices = (await h.request('GET', '/api/v1/notifications?unread=1', { cookie: c.reporter.cookie })).json();
    expect(notices.items.filter((n: { kind: string }) => n.kind === 'report_reminder')).toEqual([expect.objectContaining({ link: `/reports/${reportId}` })]);

    const view = (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie })).json();
    const saved = await h.request('PATCH', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie, body: { version: view.version, thisMonth: 100 * W, ytd: 100 * W, cumulative: 100 * W, progress: '场地平整' } });
    const sent = await h.request('POST', `/api/v1/reports/${reportId}/submit`, { cookie: c.reporter.cookie, body: { version: saved.json().version } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().punctuality).toBe('late');
    const after = (await h.request('GET', `/api/v1/periods/${period.id}`, { cookie: c.office.cookie })).json();
    expect(after.counts).toMatchObject({ late: 1, missing: 0, submitted: 1 });

    const closed = await h.request('POST', `/api/v1/periods/${period.id}/close`, { cookie: c.office.cookie, body: { version: after.version, archive: false } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    const sentBack = await h.request('POST', `/api/v1/reports/${reportId}/return`, { cookie: c.reviewer.cookie, body: { version: sent.json().version, comment: '补充照片' } });
    expect(sentBack.statusCode).toBe(422);
    expect(sentBack.json().error.message).toContain('已关闭');
    const queue = (await h.request('GET', '/api/v1/reports?mine=review', { cookie: c.reviewer.cookie })).json();
    expect(queue.items.map((r: { id: number }) => r.id)).toContain(reportId);
    expect((await h.request('PATCH', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie, body: { version: sent.json().version, progress: '改' } })).statusCode).toBe(422);
    const stale = await h.request('POST', `/api/v1/periods/${period.id}/reopen`, { cookie: c.office.cookie, body: { version: after.version } });
    expect(stale.statusCode).toBe(409);
    const reopened = await h.request('POST', `/api/v1/periods/${period.id}/reopen`, { cookie: c.office.cookie, body: { version: closed.json().version } });
    expect(reopened.json().status).toBe('open');
    h.clock.set('2026-06-12T02:00:00Z');
    const closedAgain = await h.request('POST', `/api/v1/periods/${period.id}/close`, { cookie: c.office.cookie, body: { version: reopened.json().version, archive: false } });
    expect(closedAgain.statusCode).toBe(200);
    // A report sent in time is still approved once the month is closed, and reaches the ledger.
    const reviewer = await c.f.session('department', c.region, { orgId: c.dept.id });
    const approved = await h.request('POST', `/api/v1/reports/${reportId}/approve`, { cookie: reviewer.cookie, body: { version: sent.json().version } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', canReview: false });
  });

  it('gives a project that starts reporting in an open month its report at once', async () => {
    const { period } = await openMonth(h, c, '2026-03');
    const created = await c.f.project(c.region, { stage: 'signed', ownerOrgId: c.company.id });
    const planned = await c.f.project(c.region, { stage: 'reserve' });
    const reportsOf = (projectId: number) => h.ctx.db.selectFrom('monthlyReport').select(['periodId', 'status']).where('projectId', '=', projectId).execute();
    expect(await reportsOf(created.id)).toEqual(expect.arrayContaining([{ periodId: period.id, status: 'draft' }]));
    expect(await reportsOf(planned.id)).toEqual([]);
    const moved = await h.request('POST', `/api/v1/projects/${planned.id}/stage`, { cookie: c.office.cookie, body: { to: 'signed', date: '2026-06-20', version: planned.version } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await reportsOf(planned.id)).map((r) => r.periodId)).toContain(period.id);
  });
});
