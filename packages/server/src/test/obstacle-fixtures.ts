import type { Harness } from './harness';
import { allowNoPhotos, openMonth, reportingCounty, type ReportingCounty } from './report-fixtures';

// A county whose May report raised a problem (存在问题) as an obstacle: the starting point of
// the obstacle ladder, as it happens in the office's month.

const W = 10_000;

export async function countyWithObstacle(h: Harness) {
  h.clock.set('2026-06-02T02:00:00Z');
  const c: ReportingCounty = await reportingCounty(h);
  await allowNoPhotos(h, c);
  const { reportId } = await openMonth(h, c);
  const view = (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie })).json();
  const saved = await h.request('PATCH', `/api/v1/reports/${reportId}`, {
    cookie: c.reporter.cookie,
    body: {
      version: view.version, thisMonth: 800 * W, ytd: 3000 * W, cumulative: 9000 * W, progress: '主体结构施工至三层',
      problems: [{ kind: 'land', description: '二期用地指标尚未落实，影响二期厂房开工' }],
    },
  });
  if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.statusCode} ${saved.body}`);
  const sent = await h.request('POST', `/api/v1/reports/${reportId}/submit`, { cookie: c.reporter.cookie, body: { version: saved.json().version } });
  if (sent.statusCode !== 200) throw new Error(`submit failed: ${sent.statusCode} ${sent.body}`);
  const obstacleId = sent.json().problems[0].obstacleId as number;
  const leader = await c.f.person(c.region, '王副县长');
  return { ...c, reportId, obstacleId, leader };
}

export type CountyWithObstacle = Awaited<ReturnType<typeof countyWithObstacle>>;
