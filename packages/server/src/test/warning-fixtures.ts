import type { ProjectCreate } from '@tuijin/core';
import type { Harness } from './harness';
import { reportingCounty } from './report-fixtures';

// A county for the warnings: the reporting county of the monthly report tests (office,
// department, company with its reporter, a project under construction with a plan), plus a
// 包保领导, a 乡镇园区 and helpers to recompute and read as anyone.

export async function warningCounty(h: Harness) {
  const c = await reportingCounty(h);
  const leader = await c.f.person(c.region, '王副县长');
  const township = await c.f.org('township', c.region, '经济开发区');
  const addProject = (name: string, fields: Partial<ProjectCreate> = {}) =>
    c.f.project(c.region, { name, responsibleOrgId: c.dept.id, leaderId: leader.id, townshipId: township.id, ...fields } as Partial<ProjectCreate>);

  const recompute = async (cookie = c.office.cookie) => {
    const res = await h.request('POST', '/api/v1/warnings/recompute', { cookie, body: {} });
    if (res.statusCode !== 200) throw new Error(`recompute failed: ${res.statusCode} ${res.body}`);
    return res.json() as { projects: number; raised: number; changed: number; cleared: number; refreshed: number; live: { red: number; yellow: number } };
  };
  const of = async (projectId: number, cookie = c.office.cookie) => {
    const res = await h.request('GET', `/api/v1/projects/${projectId}/warnings`, { cookie });
    if (res.statusCode !== 200) throw new Error(`project warnings: ${res.statusCode} ${res.body}`);
    return res.json() as ProjectWarnings;
  };
  /** The live warning of a rule on a project, or undefined. */
  const live = async (projectId: number, rule: string) => (await of(projectId)).live.find((w) => w.rule === rule);
  const list = async (query = '', cookie = c.office.cookie) => {
    const res = await h.request('GET', `/api/v1/warnings${query ? `?${query}` : ''}`, { cookie });
    if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
    return res.json() as { items: { id: number; projectId: number; rule: string; level: string; reason: string; since: string; leaderName: string | null; townshipName: string | null; responsibleOrgName: string | null }[]; total: number };
  };
  /** Moves the clock to 10:00 China time on a date; everyone logs in again (sessions expire). */
  const on = async (date: string) => {
    h.clock.set(`${date}T02:00:00Z`);
    for (const who of [c.office, c.reviewer, c.reporter]) who.cookie = await c.f.login(who.username);
  };
  return { ...c, leader, township, addProject, recompute, of, live, list, on };
}

export interface ProjectWarnings {
  projectId: number;
  level: 'red' | 'yellow' | 'green';
  levelLabel: string;
  live: { id: number; rule: string; ruleLabel: string; level: string; reason: string; facts: Record<string, unknown>; since: string }[];
  history: { warningId: number; rule: string; event: string; eventLabel: string; fromLevel: string | null; toLevel: string | null; reason: string | null; at: string }[];
}

export type WarningCounty = Awaited<ReturnType<typeof warningCounty>>;
