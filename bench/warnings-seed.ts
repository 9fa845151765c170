import { addMonths, defaultDeadline, OBSTACLE_KINDS, OBSTACLE_STAGES } from '@tuijin/core';
import type { Insertable } from 'kysely';
import type { Database } from '../packages/server/src/db/kysely';
import type { MonthlyReportTable } from '../packages/server/src/db/types';
import { rng } from '../packages/server/src/demo/generate';
import { counties } from './seed';

// What the warnings read, on top of the 20,000-project province of bench/seed.ts: four months
// of reports per project (three closed, one open; some late, some returned twice, some with a
// cumulative that went down, some with failed photos), two key nodes each, 5,000 open obstacles
// and an inspection per county with findings. Written in batches, straight to the tables.

const BATCH = 500;

async function insertAll<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function seedSupervision(database: Database, today: string): Promise<{ reports: number; nodes: number; obstacles: number; findings: number; media: number }> {
  const { db } = database;
  const r = rng(7);
  const at = new Date().toISOString();
  const current = today.slice(0, 7);
  const months = [-3, -2, -1, 0].map((n) => addMonths(current, n));
  const projects = await db.selectFrom('project').select(['id', 'regionCode', 'stage', 'totalInvestment']).where('stage', 'in', ['signed', 'preparing', 'under_construction', 'completed', 'operating']).orderBy('id').execute();

  // The months, for every county: three closed, the current one open.
  const periodId = new Map<string, number>();
  for (const c of counties()) {
    const rows = months.map((period, i) => ({
      regionCode: c.county, period, deadline: defaultDeadline(period), status: i < 3 ? 'closed' : 'open', openedAt: at, createdAt: at, updatedAt: at,
    }));
    const ids = await db.insertInto('reportingPeriod').values(rows).returning(['id', 'period']).execute();
    for (const x of ids) periodId.set(`${c.county}:${x.period}`, x.id);
  }

  const reports: Insertable<MonthlyReportTable>[] = [];
  for (const p of projects) {
    let cumulative = Math.round(Number(p.totalInvestment) * 0.2);
    months.forEach((period, i) => {
      const isOpen = i === 3;
      const roll = r.next();
      const status = isOpen ? (roll < 0.4 ? 'submitted' : 'draft') : roll < 0.9 ? 'approved' : roll < 0.95 ? 'submitted' : roll < 0.97 ? 'returned' : 'draft';
      const thisMonth = Math.round(Number(p.totalInvestment) * 0.02);
      const isDown = r.chance(0.01);
      cumulative = isDown ? cumulative - thisMonth : cumulative + thisMonth;
      reports.push({
        projectId: p.id, periodId: periodId.get(`${p.regionCode}:${period}`)!, period, status, thisMonth, ytd: thisMonth * (i + 1), cumulative,
        figureNotes: JSON.stringify(isDown ? [{ code: 'cumulative_down', field: 'cumulative', needsExplanation: true, message: '开工以来累计比上月的还少' }] : []),
        returnCount: status === 'returned' || r.chance(0.02) ? 2 : 0, progress: '按计划施工',
        submittedAt: status === 'draft' ? null : at, firstSubmittedAt: status === 'draft' ? null : at, startedAt: at, createdAt: at, updatedAt: at,
      });
    });
  }
  const reportIds: { id: number; projectId: number; regionCode: string; period: string }[] = [];
  await insertAll(reports, async (chunk) => {
    const ids = await db.insertInto('monthlyReport').values(chunk).returning(['id', 'projectId', 'period']).execute();
    const regionOf = new Map(projects.map((p) => [p.id, p.regionCode]));
    for (const x of ids) reportIds.push({ ...x, regionCode: regionOf.get(x.projectId)! });
  });

  // Failed photos (time, place or duplicate) on 3% of the last closed month's reports.
  const media = reportIds.filter((x) => x.period === months[2] && r.chance(0.03)).map((x, i) => ({
    projectId: x.projectId, regionCode: x.regionCode, reportId: x.id, period: x.period, kind: 'photo', format: 'jpeg', mime: 'image/jpeg',
    filename: `site-${i}.jpg`, size: 1000, sha256: String(i).padStart(64, '0'), originalKey: `bench/${i}`, checks: '[]', checkStatus: 'failed', createdAt: at, updatedAt: at,
  }));
  await insertAll(media, (chunk) => db.insertInto('media').values(chunk).execute());

  // Two key nodes each: one met, one planned somewhere this year or next (some overdue).
  const year = Number(today.slice(0, 4));
  const day = () => `${r.pick([year, year, year + 1])}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const nodes = projects.flatMap((p) => [
    { projectId: p.id, kind: 'approvals', name: '手续办结', plannedDate: `${year}-02-28`, actualDate: `${year}-02-20`, createdAt: at, updatedAt: at },
    { projectId: p.id, kind: 'main_structure', name: '主体完工', plannedDate: day(), actualDate: null, createdAt: at, updatedAt: at },
  ]);
  await insertAll(nodes, (chunk) => db.insertInto('projectNode').values(chunk).execute());

  // Open obstacles on a quarter of the projects, deadlines around today, all stages of the ladder.
  const obstacles = projects.filter(() => r.chance(0.25)).map((p) => {
    const due = `${year}-${String(r.int(6, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    return {
      projectId: p.id, regionCode: p.regionCode, kind: r.pick(OBSTACLE_KINDS), description: '要素制约待协调', source: 'manual', status: 'open',
      raisedAt: at, deadline: due, dueOn: due, stage: r.pick(OBSTACLE_STAGES), createdAt: at, updatedAt: at,
    };
  });
  await insertAll(obstacles, (chunk) => db.insertInto('obstacle').values(chunk).execute());

  // An inspection per county, 20 projects visited, one in five with the books ahead of the site.
  const findings: { inspectionId: number; projectId: number; visitedOn: string; booksAhead: number; status: string; createdAt: string; updatedAt: string }[] = [];
  const byCounty = new Map<string, number[]>();
  for (const p of projects) byCounty.set(p.regionCode, [...(byCounty.get(p.regionCode) ?? []), p.id]);
  for (const [county, ids] of byCounty) {
    const i = await db.insertInto('inspection').values({ regionCode: county, title: '联合督导检查', plannedDate: `${current}-10`, status: 'finished', createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
    for (const projectId of ids.slice(0, 20)) findings.push({ inspectionId: i.id, projectId, visitedOn: `${current}-10`, booksAhead: r.chance(0.2) ? 1 : 0, status: 'saved', createdAt: at, updatedAt: at });
  }
  await insertAll(findings, (chunk) => db.insertInto('finding').values(chunk).execute());
  return { reports: reports.length, nodes: nodes.length, obstacles: obstacles.length, findings: findings.length, media: media.length };
}
