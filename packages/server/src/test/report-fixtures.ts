import type { ProjectCreate } from '@tuijin/core';
import type { Harness } from './harness';
import { factories } from './factories';

// A county ready for a reporting month: the office, a department that reviews, a company with
// its reporter, a project under construction at a known place with a plan for the year.

export const SITE = { lng: 116.36, lat: 37.44 };

export async function reportingCounty(h: Harness, fields: Partial<ProjectCreate> = {}) {
  const f = factories(h);
  const codes = await f.county();
  const region = codes.county;
  const dept = await f.org('department', region, `县住建局${Math.random().toString(36).slice(2, 6)}`);
  const company = await f.org('company', region);
  const office = await f.session('office', region);
  const reviewer = await f.session('department', region, { orgId: dept.id });
  const reporter = await f.session('reporter', region, { orgId: company.id });
  const project = await f.project(region, {
    stage: 'under_construction', ownerOrgId: company.id, responsibleOrgId: dept.id, totalInvestment: 500_000_000, ...SITE, ...fields,
  } as Partial<ProjectCreate>);
  await h.request('PUT', `/api/v1/projects/${project.id}/plans/2026`, { cookie: office.cookie, body: { plan: 120_000_000, target: 150_000_000 } });
  return { f, codes, region, dept, company, office, reviewer, reporter, project };
}

export type ReportingCounty = Awaited<ReturnType<typeof reportingCounty>>;

/** Opens a month as the office and returns the period and the project's report in it. */
export async function openMonth(h: Harness, c: ReportingCounty, period = '2026-05', extra: Record<string, unknown> = {}) {
  const res = await h.request('POST', '/api/v1/periods', { cookie: c.office.cookie, body: { period, ...extra } });
  if (res.statusCode !== 201) throw new Error(`open period failed: ${res.statusCode} ${res.body}`);
  const periodView = res.json();
  const report = await h.ctx.db.selectFrom('monthlyReport').select(['id', 'version']).where('projectId', '=', c.project.id).where('period', '=', period).executeTakeFirstOrThrow();
  return { period: periodView, reportId: report.id };
}

/** Settings that let a report go without photos (most report tests are not about photos). */
export async function allowNoPhotos(h: Harness, c: ReportingCounty) {
  const current = (await h.request('GET', '/api/v1/settings/reports', { cookie: c.office.cookie })).json();
  const res = await h.request('PUT', '/api/v1/settings/reports', { cookie: c.office.cookie, body: { ...current.settings, minPhotos: 0, version: current.inherited ? null : current.version } });
  if (res.statusCode !== 200) throw new Error(`settings failed: ${res.statusCode} ${res.body}`);
}

/** Sends a file through the resumable protocol (declare, chunks, complete) and returns the last answer. */
export async function uploadBuffer(h: Harness, cookie: string, reportId: number, filename: string, data: Buffer, options: { chunk?: number; caption?: string; shootingPointId?: number } = {}) {
  const created = await h.request('POST', `/api/v1/reports/${reportId}/uploads`, { cookie, body: { filename, size: data.length, caption: options.caption, shootingPointId: options.shootingPointId } });
  if (created.statusCode !== 201) return created;
  const session = created.json() as { id: string };
  const chunk = options.chunk ?? 4 * 1024 * 1024;
  for (let offset = 0; offset < data.length; offset += chunk) {
    const res = await putChunk(h, cookie, session.id, offset, data.subarray(offset, offset + chunk));
    if (res.statusCode !== 200) return res;
  }
  return h.request('POST', `/api/v1/uploads/${session.id}/complete`, { cookie });
}

export function putChunk(h: Harness, cookie: string, id: string, offset: number, bytes: Buffer) {
  return h.app.inject({
    method: 'PUT', url: `/api/v1/uploads/${id}/chunks?offset=${offset}`,
    headers: { cookie, 'x-requested-with': 'tuijin', 'content-type': 'application/octet-stream' }, payload: bytes,
  });
}

/** Keys under a prefix in the app's store. */
export async function storedKeys(h: Harness, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of h.ctx.storage.list(prefix)) keys.push(o.key);
  return keys;
}
