import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { makeJpeg } from '../../test/media/fixtures';
import { openMonth, SITE, uploadBuffer } from '../../test/report-fixtures';
import { warningCounty, type WarningCounty } from '../../test/warning-fixtures';
import { regionPrefix } from '@tuijin/core';
import { recomputeAfterChanges } from './job';

// Each warning rule raised from real data through the API, with the clock moving on: a date
// passes, a report goes wrong, an obstacle ages, an inspector finds the books ahead; then the
// project puts it right and the warning clears, its history kept.

const W = 10_000;

describe.each(DIALECTS)('warning rules from real data on %s', (dialect) => {
  let h: Harness;
  let c: WarningCounty;
  let reportId: number;
  beforeAll(async () => {
    h = await startHarness(dialect);
    h.clock.set('2026-06-02T02:00:00Z');
    c = await warningCounty(h);
    reportId = (await openMonth(h, c)).reportId;
  });
  afterAll(() => h.close());

  const report = async (cookie = c.reporter.cookie) => (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie })).json();
  const act = async (cookie: string, action: string, body: Record<string, unknown>) => {
    const res = await h.request('POST', `/api/v1/reports/${reportId}/${action}`, { cookie, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const detail = async (id: number) => (await h.request('GET', `/api/v1/projects/${id}`, { cookie: c.office.cookie })).json();

  it('leaves a project on track green', async () => {
    const g = await c.addProject('按期推进项目', { stage: 'under_construction', actualStartDate: '2026-03-01', commitStartDate: '2026-03-01' } as never);
    await h.request('PUT', `/api/v1/projects/${g.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 100_000 * W, target: 100_000 * W, completed: 50_000 * W, completedThrough: '2026-05' } });
    await c.recompute();
    expect(await c.of(g.id)).toMatchObject({ level: 'green', levelLabel: '绿色', live: [], history: [] });
  });

  it('warns of a sent report whose photos failed their checks and whose cumulative exceeds the whole project', async () => {
    const march = { dateTimeOriginal: '2026:03:01 09:00:00', offsetTimeOriginal: '+08:00', gps: { lat: SITE.lat + 0.001, lng: SITE.lng + 0.001 } };
    const photo = await uploadBuffer(h, c.reporter.cookie, reportId, 'old.jpg', await makeJpeg({ width: 800, height: 600, exif: march as never }));
    expect(photo.json().checkStatus).toBe('failed');
    const view = await report();
    const saved = await h.request('PATCH', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie, body: {
      version: view.version, thisMonth: 800 * W, ytd: 800 * W, cumulative: 60_000 * W, explanation: '含二期追加投资', progress: '主体施工',
      problems: [{ kind: 'land', description: '二期用地指标未落实' }],
    } });
    expect(saved.statusCode, saved.body).toBe(200);
    await act(c.reporter.cookie, 'submit', { version: saved.json().version });
    await c.recompute();
    const figure = await c.live(c.project.id, 'figure_impossible');
    expect(figure).toMatchObject({ level: 'red', ruleLabel: '填报数据异常', reason: '2026年5月月报：开工以来累计 6.00 亿元 超过项目总投资 5.00 亿元' });
    expect(await c.live(c.project.id, 'photo_failed')).toMatchObject({ level: 'yellow', reason: expect.stringContaining('有 1 张照片核验未通过') });
    expect((await c.of(c.project.id)).level).toBe('red');
  });

  it('warns of a report returned twice; the figures of a report no longer sent stop counting', async () => {
    await act(c.reviewer.cookie, 'return', { version: (await report()).version, comment: '累计数有误' });
    await act(c.reporter.cookie, 'submit', { version: (await report()).version });
    await act(c.reviewer.cookie, 'return', { version: (await report()).version, comment: '照片不是本月的' });
    const result = await c.recompute();
    expect(result.raised).toBe(1);
    expect(await c.live(c.project.id, 'report_returned')).toMatchObject({ level: 'yellow', reason: '2026年5月月报已被退回 2 次' });
    expect(await c.live(c.project.id, 'figure_impossible')).toBeUndefined();
    expect(await c.live(c.project.id, 'photo_failed')).toBeUndefined();
    const history = (await c.of(c.project.id)).history.filter((e) => e.rule === 'figure_impossible');
    expect(history.map((e) => [e.event, e.fromLevel, e.toLevel])).toEqual([['cleared', 'red', null], ['raised', null, 'red']]);
    expect(history[0]).toMatchObject({ eventLabel: '预警解除', reason: expect.stringContaining('超过项目总投资') });
  });

  it('warns of the month not sent after its deadline, and of an obstacle past its deadline (red at 约谈)', async () => {
    await c.recompute();
    expect(await c.live(c.project.id, 'report_late')).toBeUndefined();
    await c.on('2026-06-12');
    const obstacle = await h.ctx.db.selectFrom('obstacle').select(['id']).where('projectId', '=', c.project.id).executeTakeFirstOrThrow();
    // The ladder is features/obstacles' own; here it is only data: a deadline given, then 约谈 reached.
    await h.ctx.db.updateTable('obstacle').set({ deadline: '2026-06-08', dueOn: '2026-06-08' }).where('id', '=', obstacle.id).execute();
    await c.recompute();
    expect(await c.live(c.project.id, 'report_late')).toMatchObject({ level: 'yellow', reason: '2026年5月月报截止 2026-06-05，退回后仍未重新报送（已逾期 7 天）' });
    expect(await c.live(c.project.id, 'obstacle_overdue')).toMatchObject({
      level: 'yellow', reason: '问题「二期用地指标未落实」（用地）办理期限 2026-06-08 已过 4 天，仍未销号，现处于交办',
    });
    await h.ctx.db.updateTable('obstacle').set({ stage: 'interviewed' }).where('id', '=', obstacle.id).execute();
    expect((await c.recompute()).changed).toBe(1);
    const w = await c.live(c.project.id, 'obstacle_overdue');
    expect(w).toMatchObject({ level: 'red', reason: '问题「二期用地指标未落实」（用地）办理期限 2026-06-08 已过 4 天，仍未销号，现处于约谈' });
    const events = (await c.of(c.project.id)).history.filter((e) => e.warningId === w!.id);
    expect(events.map((e) => [e.event, e.fromLevel, e.toLevel])).toEqual([['changed', 'yellow', 'red'], ['raised', null, 'yellow']]);
    await h.ctx.db.updateTable('obstacle').set({ status: 'closed' }).where('id', '=', obstacle.id).execute();
    await c.recompute();
    expect(await c.live(c.project.id, 'obstacle_overdue')).toBeUndefined();
  });

  it('warns red when the guaranteed start date passes without a start (保按时开工), and clears once started', async () => {
    await c.on('2026-06-09');
    const s = await c.addProject('签约待开工项目', { stage: 'signed', commitStartDate: '2026-06-10' } as never);
    await c.recompute();
    // It joined the open month late, so its May report is already overdue; the start is not yet.
    expect((await c.of(s.id)).live.map((w) => w.rule)).toEqual(['report_late']);
    await c.on('2026-06-12');
    await c.recompute();
    expect(await c.of(s.id)).toMatchObject({ level: 'red', live: [{ rule: 'start_overdue', ruleLabel: '未按时开工', reason: '保开工日期 2026-06-10 已过 2 天，项目仍未开工' }, { rule: 'report_late' }] });
    const started = await h.request('POST', `/api/v1/projects/${s.id}/stage`, { cookie: c.office.cookie, body: { to: 'under_construction', date: '2026-06-12', version: (await detail(s.id)).version } });
    expect(started.statusCode, started.body).toBe(200);
    await c.recompute();
    const after = await c.of(s.id);
    expect(after.live.map((w) => w.rule)).toEqual(['report_late']);
    expect(after.history.filter((e) => e.rule === 'start_overdue').map((e) => e.event)).toEqual(['cleared', 'raised']);
  });

  it('warns red when the guaranteed completion passes (保按时竣工投产), and yellow of an overdue key node', async () => {
    const p = await c.addProject('续建厂房项目', { stage: 'under_construction', actualStartDate: '2025-04-01', commitCompletionDate: '2026-06-30' } as never);
    const node = (await h.request('POST', `/api/v1/projects/${p.id}/nodes`, { cookie: c.office.cookie, body: { kind: 'main_structure', name: '主体封顶', plannedDate: '2026-06-20' } })).json().nodes[0];
    // Its 竣工 node on the guaranteed day is the date rule's to speak of, not counted again as a node.
    const completion = await h.request('POST', `/api/v1/projects/${p.id}/nodes`, { cookie: c.office.cookie, body: { kind: 'completion', name: '竣工验收', plannedDate: '2026-06-30' } });
    expect(completion.statusCode, completion.body).toBeLessThan(300);
    await c.on('2026-07-01');
    await c.recompute();
    expect(await c.live(p.id, 'completion_overdue')).toMatchObject({ level: 'red', reason: '保竣工日期 2026-06-30 已过 1 天，尚未竣工' });
    expect(await c.live(p.id, 'node_overdue')).toMatchObject({ level: 'yellow', reason: '关键节点「主体封顶」计划 2026-06-20 完成，已逾期 11 天' });
    const met = await h.request('PATCH', `/api/v1/projects/${p.id}/nodes/${node.id}`, { cookie: c.office.cookie, body: { version: node.version, actualDate: '2026-06-28' } });
    expect(met.statusCode, met.body).toBe(200);
    await c.recompute();
    expect(await c.live(p.id, 'node_overdue')).toBeUndefined();
    expect(await c.live(p.id, 'completion_overdue')).toBeDefined();
  });

  it('warns red when the latest inspection found the books ahead of the site, and clears on a later one that did not', async () => {
    const p = await c.addProject('账面超前项目', { stage: 'under_construction', actualStartDate: '2026-01-10' } as never);
    const at = h.clock.now().toISOString();
    const inspect = async (title: string, visitedOn: string, booksAhead: number) => {
      const i = await h.ctx.db.insertInto('inspection').values({ regionCode: c.region, title, plannedDate: visitedOn, status: 'planned', createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
      await h.ctx.db.insertInto('finding').values({ inspectionId: i.id, projectId: p.id, visitedOn, booksAhead, status: 'saved', createdAt: at, updatedAt: at }).execute();
    };
    await inspect('2026年第三次联合督导检查', '2026-06-28', 1);
    await c.recompute();
    expect(await c.live(p.id, 'books_ahead')).toMatchObject({ level: 'red', reason: '2026-06-28 督导检查（2026年第三次联合督导检查）发现月报所报进度超前于现场实际' });
    await inspect('2026年第四次联合督导检查', '2026-06-30', 0);
    await c.recompute();
    expect(await c.live(p.id, 'books_ahead')).toBeUndefined();
  });

  it('warns of investment behind 序时进度: yellow, red as the year goes on (a level change), cleared when it catches up', async () => {
    const p = await c.addProject('投资滞后项目', { stage: 'under_construction', actualStartDate: '2026-01-10' } as never);
    await h.request('PUT', `/api/v1/projects/${p.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 10_000 * W, target: 12_000 * W, completed: 4_000 * W, completedThrough: '2026-06' } });
    await c.on('2026-07-10');
    await c.recompute();
    const yellow = await c.live(p.id, 'investment_behind');
    expect(yellow).toMatchObject({ level: 'yellow', ruleLabel: '投资滞后序时进度', reason: '年度计划投资 1.00 亿元，截至6月末已完成 4,000.00 万元（40.0%），序时进度 50.0%，落后 10.0 个百分点' });
    // A month on with no newer figure: measured at July's end.
    await c.on('2026-08-05');
    const quiet = await c.recompute();
    // The figures moved on, not the level: the words follow, no event, no audit record.
    expect(quiet).toMatchObject({ raised: 0, changed: 0, cleared: 0 });
    expect((await c.live(p.id, 'investment_behind'))!.reason).toContain('截至7月末已完成 4,000.00 万元（40.0%），序时进度 58.3%，落后 18.3 个百分点');
    await c.on('2026-10-01');
    await c.recompute();
    expect(await c.live(p.id, 'investment_behind')).toMatchObject({ id: yellow!.id, level: 'red', since: yellow!.since, reason: expect.stringContaining('截至9月末已完成 4,000.00 万元（40.0%），序时进度 75.0%，落后 35.0 个百分点') });
    const plan = (await detail(p.id)).plans[0];
    await h.request('PUT', `/api/v1/projects/${p.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 10_000 * W, target: 12_000 * W, completed: 8_000 * W, completedThrough: '2026-09', version: plan.version } });
    await c.recompute();
    const after = await c.of(p.id);
    expect(after.live.find((w) => w.rule === 'investment_behind')).toBeUndefined();
    expect(after.history.filter((e) => e.rule === 'investment_behind').map((e) => `${e.event}:${e.toLevel ?? e.fromLevel}`)).toEqual(['cleared:red', 'changed:red', 'raised:yellow']);
  });

  it('follows a change within the minute, for the county it touched, once', async () => {
    await recomputeAfterChanges(h.ctx);
    await recomputeAfterChanges(h.ctx);
    expect(await recomputeAfterChanges(h.ctx), 'nothing written since').toBeNull();
    const p = await c.addProject('改期项目', { stage: 'under_construction', actualStartDate: '2026-01-10', commitCompletionDate: '2027-06-30' } as never);
    expect(await c.live(p.id, 'completion_overdue')).toBeUndefined();
    const plan = await h.request('PATCH', `/api/v1/projects/${p.id}`, { cookie: c.office.cookie, body: { version: (await detail(p.id)).version, commitCompletionDate: '2026-08-31' } });
    expect(plan.statusCode, plan.body).toBe(200);
    // Nobody pressed 重新计算: the scheduler's pass sees the write and recomputes that county.
    expect(await recomputeAfterChanges(h.ctx)).toEqual({ regions: [regionPrefix(c.region)] });
    expect(await c.live(p.id, 'completion_overdue')).toMatchObject({ level: 'red' });
    expect(await recomputeAfterChanges(h.ctx), 'its own warnings are not a change').toBeNull();
  });

  it('tells the 包保领导 once when a project of theirs turns red', async () => {
    const leaderUser = await c.f.session('leader', c.region);
    await h.ctx.db.updateTable('appUser').set({ personId: c.leader.id }).where('id', '=', leaderUser.id).execute();
    const p = await c.addProject('迟迟未开工项目', { stage: 'signed', commitStartDate: '2026-03-01' } as never);
    await c.recompute();
    const notices = await h.ctx.db.selectFrom('notification').select(['kind', 'title', 'body', 'link']).where('userId', '=', leaderUser.id).execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'warning_red', title: expect.stringMatching(/^包保项目新增红色预警 \d+ 个$/), link: '/warnings?level=red' });
    expect(notices[0]!.body).toContain(`「${p.name}」保开工日期 2026-03-01 已过`);
    await c.recompute();
    expect(await h.ctx.db.selectFrom('notification').select('id').where('userId', '=', leaderUser.id).execute(), 'still red is not news').toHaveLength(1);
  });
});
