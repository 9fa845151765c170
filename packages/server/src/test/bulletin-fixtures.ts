import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { ProjectCreate } from '@tuijin/core';
import type { Harness } from './harness';
import { allowNoPhotos, openMonth } from './report-fixtures';
import { warningCounty } from './warning-fixtures';

// A county whose May 2026 is real, for the monthly bulletin: four projects (one reported and
// approved, one sent and not yet approved, one started in May, one with an imported figure),
// last year's figures, an obstacle raised in April and closed in May, one raised in May, taken
// to 督办 and overdue by the month's end, an inspection that found the books ahead of the site,
// warnings computed near the month's end, and photos of fixed points in April and May.

const W = 10_000;
export const BULLETIN_MONTH = '2026-05';

type Json = Record<string, unknown>;

export async function bulletinCounty(h: Harness) {
  h.clock.set('2026-04-10T02:00:00Z');
  const c = await warningCounty(h);
  await allowNoPhotos(h, c);
  const ok = async (res: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`fixture step failed: ${r.statusCode} ${r.body}`);
    return r.json() as Json;
  };
  const office = () => c.office.cookie;
  const put = (url: string, body: unknown, cookie = office()) => ok(h.request('PUT', url, { cookie, body }));
  const post = (url: string, body: unknown, cookie = office(), status = 200) => ok(h.request('POST', url, { cookie, body }), status);

  const water = await c.f.org('department', c.region, '县水利局');
  const built = { ...c.project, name: '年产10万吨新型建材项目' };
  await h.ctx.db.updateTable('project').set({ name: built.name, nature: 'continued' }).where('id', '=', built.id).execute();
  const pipes = await c.addProject('城区供水管网改造', { category: 'infrastructure', stage: 'under_construction', nature: 'continued', ownerOrgId: c.company.id, responsibleOrgId: water.id, actualStartDate: '2025-03-01', totalInvestment: 30_000 * W } as Partial<ProjectCreate>);
  const park = await c.addProject('智能装备产业园', { category: 'industrial', stage: 'preparing', nature: 'new', ownerOrgId: c.company.id, totalInvestment: 50_000 * W } as Partial<ProjectCreate>);
  const logistics = await c.addProject('商贸物流中心', { category: 'services', stage: 'under_construction', nature: 'continued', ownerOrgId: c.company.id, actualStartDate: '2025-08-01', totalInvestment: 20_000 * W } as Partial<ProjectCreate>);

  // Plans for 2026: 1.2亿, 8,000万, 5,000万, 6,000万; figures imported through April and May; last year's same months.
  const plan = await h.ctx.db.selectFrom('annualPlan').select('version').where('projectId', '=', built.id).where('year', '=', 2026).executeTakeFirstOrThrow();
  await put(`/api/v1/projects/${built.id}/plans/2026`, { plan: 12_000 * W, target: 15_000 * W, completedLastYear: 4_000 * W, version: plan.version });
  await put(`/api/v1/projects/${pipes.id}/plans/2026`, { plan: 8_000 * W, target: 8_000 * W, completed: 2_000 * W, completedThrough: '2026-04', completedLastYear: 3_000 * W });
  await put(`/api/v1/projects/${park.id}/plans/2026`, { plan: 5_000 * W, target: 5_000 * W });
  await put(`/api/v1/projects/${logistics.id}/plans/2026`, { plan: 6_000 * W, target: 6_000 * W, completed: 3_000 * W, completedThrough: '2026-05', completedLastYear: 2_500 * W });

  const funds = await post('/api/v1/obstacles', { projectId: pipes.id, kind: 'funds', title: '配套资金未到位', description: '二期配套资金未到位', ownerOrgId: water.id, deadline: '2026-05-31' }, office(), 201);

  await c.on('2026-05-08');
  const parkRow = await h.ctx.db.selectFrom('project').select('version').where('id', '=', park.id).executeTakeFirstOrThrow();
  await post(`/api/v1/projects/${park.id}/stage`, { to: 'under_construction', date: '2026-05-08', version: parkRow.version });
  const land = await post('/api/v1/obstacles', { projectId: park.id, kind: 'land', title: '二期用地未报批', description: '二期用地尚未完成组卷报批', ownerOrgId: c.dept.id, deadline: '2026-05-20' }, office(), 201);

  await c.on('2026-05-12');
  const inspection = await post('/api/v1/inspections', { title: '5月份重点项目联合督导', plannedDate: '2026-05-12', team: [], projectIds: [built.id, pipes.id] }, office(), 201);
  await put(`/api/v1/inspections/${inspection.id}/projects/${built.id}/finding`, {
    version: null, visitedOn: '2026-05-12', observedStage: 'preparing', rating: 'poor',
    demands: [{ description: '如实填报投资完成情况', kind: 'other', raiseAs: 'action', deadline: '2026-05-30' }],
  });
  await put(`/api/v1/inspections/${inspection.id}/projects/${pipes.id}/finding`, { version: null, visitedOn: '2026-05-12', rating: 'good', demands: [] });

  await c.on('2026-05-15');
  // The owner says it is solved; the office confirms (四眼原则: not the same person).
  const waterClerk = await c.f.session('department', c.region, { orgId: water.id });
  const resolved = await post(`/api/v1/obstacles/${funds.id}/resolve`, { version: funds.version, resolution: '县财政已拨付配套资金' }, waterClerk.cookie);
  await c.on('2026-05-16');
  await post(`/api/v1/obstacles/${funds.id}/close`, { version: resolved.version });
  await c.on('2026-05-22');
  const landNow = await ok(h.request('GET', `/api/v1/obstacles/${land.id}`, { cookie: office() }));
  await post(`/api/v1/obstacles/${land.id}/escalate`, { version: landNow.version, to: 'supervised', docNo: '督办〔2026〕3号' });

  const photos = await pointPhotos(h, c.region, [
    { projectId: built.id, point: '东侧塔吊', shots: [['2026-04', 'passed'], ['2026-05', 'passed']] },
    { projectId: pipes.id, point: '管网沿线', shots: [['2026-04', 'passed'], ['2026-05', 'flagged']] },
    { projectId: logistics.id, point: '仓储区', shots: [['2026-04', 'passed'], ['2026-05', 'failed']] },
  ]);

  await c.on('2026-05-25');
  await c.recompute();

  // The month reported in June: the first project's report approved, the second only sent.
  await c.on('2026-06-02');
  await openMonth(h, c, BULLETIN_MONTH, { deadline: '2026-06-05' });
  const report = async (projectId: number, figures: Json, approve: boolean) => {
    const r = await h.ctx.db.selectFrom('monthlyReport').select('id').where('projectId', '=', projectId).where('period', '=', BULLETIN_MONTH).executeTakeFirstOrThrow();
    const view = await ok(h.request('GET', `/api/v1/reports/${r.id}`, { cookie: c.reporter.cookie }));
    const saved = await ok(h.request('PATCH', `/api/v1/reports/${r.id}`, { cookie: c.reporter.cookie, body: { version: view.version, progress: '主体施工', ...figures } }));
    const sent = await post(`/api/v1/reports/${r.id}/submit`, { version: saved.version }, c.reporter.cookie);
    if (approve) await post(`/api/v1/reports/${r.id}/approve`, { version: sent.version }, c.reviewer.cookie);
  };
  await report(built.id, { thisMonth: 1_000 * W, ytd: 6_000 * W, cumulative: 20_000 * W }, true);
  await report(pipes.id, { thisMonth: 500 * W, ytd: 2_500 * W, cumulative: 9_000 * W }, false);
  await c.on('2026-06-10');
  return { ...c, water, built, pipes, park, logistics, obstacles: { funds: Number(funds.id), land: Number(land.id) }, inspectionId: Number(inspection.id), photos };
}

export type BulletinCounty = Awaited<ReturnType<typeof bulletinCounty>>;

/**
 * Photos of fixed shooting points, stored as the media pipeline leaves them (a display image
 * in the store, no original: the bulletin must never need one). Returns the media ids by
 * project, point and month.
 */
export async function pointPhotos(h: Harness, regionCode: string, points: { projectId: number; point: string; shots: [string, string][] }[]) {
  const ids: Record<string, number> = {};
  const at = h.clock.now().toISOString();
  for (const [k, p] of points.entries()) {
    const { id: pointId } = await h.ctx.db.insertInto('shootingPoint').values({ projectId: p.projectId, name: p.point, createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
    for (const [j, [period, checkStatus]] of p.shots.entries()) {
      const image = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 40 + k * 60, g: 90 + j * 80, b: 120 } } }).jpeg().toBuffer();
      const folder = `media/${regionCode}/${period}/${randomBytes(8).toString('hex')}`;
      await h.ctx.storage.putBuffer(`${folder}/display`, image, { contentType: 'image/jpeg' });
      const { id } = await h.ctx.db.insertInto('media').values({
        projectId: p.projectId, regionCode, period, kind: 'photo', format: 'jpeg', mime: 'image/jpeg', filename: `${p.point}-${period}.jpg`,
        size: image.length, sha256: createHash('sha256').update(image).digest('hex'), originalKey: `${folder}/original`, displayKey: `${folder}/display`,
        thumbKey: `${folder}/display`, width: 320, height: 240, capturedAt: `${period}-20T02:00:00.000Z`, shootingPointId: pointId,
        checkStatus, createdAt: at, updatedAt: at,
      }).returning('id').executeTakeFirstOrThrow();
      ids[`${p.projectId}:${period}`] = id;
    }
  }
  return ids;
}
