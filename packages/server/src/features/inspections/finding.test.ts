import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { makeJpeg } from '../../test/media/fixtures';
import { SITE } from '../../test/report-fixtures';
import { contradiction, inspectedCounty, planInspection, uploadToFinding, VISIT_DAY, W, type InspectedCounty } from './test-county';

// 检查记录 on site: the 账面地面 comparison made from the real report and ledger, 账面超前 when
// they claim more than the site shows, demands handed on as obstacles or action items, photos
// checked against the visit day.

describe.each(DIALECTS)('inspection findings on %s', (dialect) => {
  let h: Harness;
  let c: InspectedCounty;
  let planId: number;
  let findingId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    c = await inspectedCounty(h);
    planId = (await planInspection(h, c)).id;
  });
  afterAll(() => h.close());

  const sheetUrl = (projectId = c.project.id, id = planId) => `/api/v1/inspections/${id}/projects/${projectId}`;
  const sheet = (cookie: string, projectId?: number) => h.request('GET', sheetUrl(projectId), { cookie });
  const record = (cookie: string, body: Record<string, unknown>, projectId?: number) => h.request('PUT', `${sheetUrl(projectId)}/finding`, { cookie, body });

  it('shows the inspector what the books say before anything is recorded', async () => {
    const res = await sheet(c.inspector.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ finding: null, canEdit: true, today: VISIT_DAY, project: { name: '城南智能装备产业园', stageLabel: '在建', leaderName: '李副县长' } });
    expect(s.books.report).toMatchObject({ id: c.reportId, period: '2026-05', status: 'submitted', progress: '主体结构封顶，开始砌筑围护墙', cumulative: 9000 * W });
    expect(s.books.nodes.map((n: { name: string; reportedMetOn: string | null }) => [n.name, n.reportedMetOn])).toEqual([['开工建设', '2026-03-05'], ['主体封顶', '2026-05-28'], ['竣工验收', null]]);
  });

  it('reads 「本月无变化」 as the last figures still standing', async () => {
    // A later month sent as no change (written as the report service stores one): the books keep May's figures.
    const may = await h.ctx.db.selectFrom('monthlyReport').selectAll().where('id', '=', c.reportId).executeTakeFirstOrThrow();
    const { id: _id, ...fields } = may;
    const june = await h.ctx.db.insertInto('monthlyReport').values({ ...fields, period: '2026-06', noChange: 1, noChangeReason: '本月无变化', progress: null, thisMonth: null, ytd: null, cumulative: null, nodesMet: '[]' })
      .returning('id').executeTakeFirstOrThrow();
    try {
      const books = (await sheet(c.inspector.cookie)).json().books;
      expect(books.report).toMatchObject({ id: june.id, period: '2026-06', noChange: true, figuresFrom: '2026-05', progress: '主体结构封顶，开始砌筑围护墙', cumulative: 9000 * W });
    } finally {
      await h.ctx.db.deleteFrom('monthlyReport').where('id', '=', june.id).execute();
    }
    expect((await sheet(c.inspector.cookie)).json().books.report).toMatchObject({ id: c.reportId, figuresFrom: null });
  });

  it('records a finding that contradicts the books: compared field by field, 账面超前, demands handed on', async () => {
    const { result: res, rows } = await c.f.audited(() => record(c.inspector.cookie, contradiction(c)));
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json().finding;
    findingId = f.id;
    expect(f).toMatchObject({ booksAhead: true, reportId: c.reportId, rating: 'poor', ratingLabel: '差', progressVerdictLabel: '现场落后于月报', version: 1, inspectorName: 'inspector用户' });
    const byLabel = Object.fromEntries(f.comparison.map((r: { label: string }) => [r.label, r]));
    expect(byLabel['节点：主体封顶']).toMatchObject({ reported: '已完成（2026-05-28）', observed: '现场未完成', differs: true, direction: 'books_ahead' });
    expect(byLabel['节点：开工建设']).toMatchObject({ differs: false });
    expect(byLabel['形象进度']).toMatchObject({ reported: '主体结构封顶，开始砌筑围护墙', observed: '主体结构施工至五层，尚未封顶', direction: 'books_ahead' });
    expect(byLabel['开工以来累计完成投资']).toMatchObject({ reported: '9,000.00 万元', observed: '约 6,000.00 万元', direction: 'books_ahead', note: '现场估算比月报低 33%' });
    expect(byLabel['项目阶段']).toMatchObject({ differs: false });
    const [obstacleDemand, actionDemand] = f.demands;
    expect(obstacleDemand).toMatchObject({ raiseAs: 'obstacle', raiseAsLabel: '转问题督办', statusLabel: '办理中', link: `/obstacles/${obstacleDemand.obstacleId}` });
    expect(actionDemand).toMatchObject({ raiseAs: 'action', actionItemId: expect.any(Number), statusLabel: '办理中' });
    const obstacle = await h.ctx.db.selectFrom('obstacle').selectAll().where('id', '=', obstacleDemand.obstacleId).executeTakeFirstOrThrow();
    expect(obstacle).toMatchObject({ source: 'inspection', sourceId: f.id, projectId: c.project.id, ownerOrgId: c.dept.id, leaderId: c.leader.id, kind: 'construction', deadline: '2026-06-20', status: 'open', stage: 'assigned' });
    const action = await h.ctx.db.selectFrom('actionItem').selectAll().where('id', '=', actionDemand.actionItemId).executeTakeFirstOrThrow();
    expect(action).toMatchObject({ meetingId: null, projectId: c.project.id, ownerOrgId: c.dept.id, deadline: '2026-06-30', status: 'open', regionCode: c.region });
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['create', 'obstacle'], ['create', 'action_item'], ['create', 'finding']]);
    expect(JSON.parse(rows[2]!.after!)).toMatchObject({ booksAhead: 1, reportId: c.reportId, observed: { nodesMet: [c.nodes.start], investmentEstimate: 6000 * W } });
    const notices = (await h.request('GET', '/api/v1/notifications', { cookie: c.reviewer.cookie })).json().items.map((n: { kind: string }) => n.kind);
    expect(notices).toEqual(expect.arrayContaining(['obstacle_assigned', 'action_item_assigned']));
    const plan = (await h.request('GET', `/api/v1/inspections/${planId}`, { cookie: c.office.cookie })).json();
    expect(plan).toMatchObject({ status: 'ongoing', progress: { visited: 1, total: 2 }, booksAheadCount: 1 });
    expect(plan.projects[0].finding).toMatchObject({ booksAhead: true, ratingLabel: '差', demandCount: 2 });
  });

  it('keeps one finding per project: a second first save or a stale one is 409', async () => {
    const twice = await record(c.office.cookie, contradiction(c, { demands: [] }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.current.finding).toMatchObject({ id: findingId, version: 1 });
    const stale = await record(c.inspector.cookie, contradiction(c, { version: 7 }));
    expect(stale.statusCode).toBe(409);
    expect(await h.ctx.db.selectFrom('obstacle').select('id').where('source', '=', 'inspection').execute()).toHaveLength(1);
  });

  it('saves again keeping the demands handed on, and refuses to change or drop them', async () => {
    const current = (await sheet(c.inspector.cookie)).json().finding;
    const kept = current.demands.map((d: Record<string, unknown>) => ({ description: d.description, kind: d.kind, raiseAs: d.raiseAs, deadline: d.deadline, obstacleId: d.obstacleId, actionItemId: d.actionItemId }));
    const changed = await record(c.inspector.cookie, contradiction(c, { version: 1, demands: [{ ...kept[0], description: '改了' }, kept[1]] }));
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.message).toContain('整改要求第 1 项已转为问题督办，不能再修改');
    const dropped = await record(c.inspector.cookie, contradiction(c, { version: 1, demands: [kept[1]] }));
    expect(dropped.statusCode).toBe(422);
    expect(dropped.json().error.message).toContain('已转办，不能删除');
    const foreign = await record(c.inspector.cookie, contradiction(c, { version: 1, demands: [...kept, { ...kept[0], obstacleId: 999_999 }] }));
    expect(foreign.statusCode).toBe(400);
    // The same handed-on demand listed twice would count twice in the report.
    const twice = await record(c.inspector.cookie, contradiction(c, { version: 1, demands: [...kept, kept[0]] }));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toMatchObject({ message: '整改要求第 3 项：与第 1 项是同一条已转办的整改要求', details: [{ field: 'demands.2' }] });
    const { result: res, rows } = await c.f.audited(() => record(c.inspector.cookie, contradiction(c, {
      version: 1, nodesMet: [c.nodes.start, c.nodes.topping], progressVerdict: 'matches', investmentEstimate: 8800 * W,
      demands: [...kept, { description: '完善安全文明施工措施', kind: 'other', raiseAs: 'obstacle', deadline: null }],
    })));
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json().finding;
    expect(f).toMatchObject({ version: 2, booksAhead: false });
    expect(f.demands.map((d: { obstacleId: number | null }) => d.obstacleId)).toEqual([kept[0].obstacleId, null, expect.any(Number)]);
    expect(rows.map((r) => [r.action, r.objectType])).toEqual([['create', 'obstacle'], ['update', 'finding']]);
    expect(JSON.parse(rows[1]!.before!)).toMatchObject({ booksAhead: 1 });
  });

  it('names the field for bad input and writes nothing', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ visitedOn: '2026-06-11' }, 400, /^检查日期：不能晚于今天/],
      [{ rating: 'excellent' }, 400, /^评价：取值无效/],
      [{ observedStage: 'flying' }, 400, /^现场阶段：取值无效/],
      [{ investmentEstimate: 12.5 }, 400, /^现场估算累计投资：必须是整数元/],
      [{ nodesMet: [c.nodes.start, c.nodes.start] }, 400, /^现场已完成节点第 2 项：同一节点只能选择一次/],
      [{ nodesMet: [999_999] }, 400, /^现场已完成节点第 1 项：不是本项目的关键节点/],
      [{ demands: [{ description: '', kind: 'land', raiseAs: 'obstacle' }] }, 400, /^整改要求第 1 项的整改内容：/],
      [{ demands: [{ description: '补手续', kind: 'land', raiseAs: 'meeting' }] }, 400, /^整改要求第 1 项的转办方式：取值无效/],
      [{ demands: [{ description: '补手续', kind: 'land', raiseAs: 'obstacle', deadline: '2026-06-01' }] }, 400, /^整改要求第 1 项的整改期限：不能早于今天/],
    ];
    for (const [change, status, message] of cases) {
      const res = await record(c.inspector.cookie, { version: null, visitedOn: VISIT_DAY, ...change }, c.second.id);
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }
    expect((await sheet(c.inspector.cookie, c.second.id)).json().finding).toBeNull();
  });

  it('lets only inspectors in scope record, and hides the sheet from other scopes', async () => {
    expect((await record(c.reviewer.cookie, contradiction(c), c.second.id)).statusCode).toBe(403);
    expect((await record(c.viewer.cookie, contradiction(c), c.second.id)).statusCode).toBe(403);
    expect((await sheet(c.farInspector.cookie)).statusCode).toBe(404);
    expect((await record(c.farInspector.cookie, contradiction(c), c.second.id)).statusCode).toBe(404);
    expect((await sheet(c.inspector.cookie, c.farProject.id)).statusCode).toBe(404);
    expect((await h.request('POST', `/api/v1/findings/${findingId}/uploads`, { cookie: c.farInspector.cookie, body: { filename: 'a.jpg', size: 10 } })).statusCode).toBe(404);
    expect((await h.request('POST', `/api/v1/findings/${findingId}/uploads`, { cookie: c.reporter.cookie, body: { filename: 'a.jpg', size: 10 } })).statusCode).toBe(403);
  });

  it('takes site photos through the report pipeline, checked against the visit day', async () => {
    const onSite = { dateTimeOriginal: '2026:06:10 10:15:00', offsetTimeOriginal: '+08:00', gps: { lat: SITE.lat + 0.001, lng: SITE.lng + 0.001 } };
    const good = await uploadToFinding(h, c.inspector.cookie, findingId, '主体五层.jpg', await makeJpeg({ width: 800, height: 600, seed: 11, exif: onSite as never }));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ checkStatus: 'passed', checks: expect.arrayContaining([expect.objectContaining({ code: 'time', passed: true, message: '拍摄于 2026-06-10' })]) });
    const old = await uploadToFinding(h, c.inspector.cookie, findingId, '旧照片.jpg', await makeJpeg({ width: 800, height: 600, seed: 12, exif: { ...onSite, dateTimeOriginal: '2026:05:20 10:15:00' } as never }));
    expect(old.json()).toMatchObject({ checkStatus: 'failed', checks: expect.arrayContaining([expect.objectContaining({ code: 'time', passed: false, message: '拍摄于 2026-05-20，与检查日期 2026-06-10 不符' })]) });
    const media = await h.ctx.db.selectFrom('media').select(['findingId', 'reportId', 'projectId', 'period']).where('findingId', '=', findingId).execute();
    expect(media).toEqual([{ findingId, reportId: null, projectId: c.project.id, period: '2026-06' }, { findingId, reportId: null, projectId: c.project.id, period: '2026-06' }]);
    const view = (await sheet(c.office.cookie)).json().finding;
    expect(view.media.map((m: { filename: string }) => m.filename)).toEqual(['主体五层.jpg', '旧照片.jpg']);
    const thumb = await h.request('GET', view.media[0].urls.thumb, { cookie: c.reviewer.cookie });
    expect(thumb.statusCode).toBe(200);
    const moved = await record(c.inspector.cookie, contradiction(c, { version: view.version, visitedOn: '2026-06-09', demands: view.demands.map((d: Record<string, unknown>) => ({ description: d.description, kind: d.kind, raiseAs: d.raiseAs, deadline: d.deadline, obstacleId: d.obstacleId, actionItemId: d.actionItemId })) }));
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.message).toContain('已上传现场照片');
    const caption = await h.request('PATCH', `/api/v1/media/${view.media[1].id}`, { cookie: c.inspector.cookie, body: { version: view.media[1].version, caption: '五月的照片' } });
    expect(caption.statusCode, caption.body).toBe(200);
  });
});
