import { sql } from 'kysely';
import type { Database } from '../packages/server/src/db/kysely';
import { rng } from '../packages/server/src/demo/generate';
import { counties } from './seed';

// What scoring a closed month reads beyond bench/warnings-seed.ts, which writes every report's
// first sending at the moment of seeding (so all would be late), puts its findings in the open
// month and leaves projects without a 包保领导: here the scored month's reports are sent over the
// days around their deadline (one in six late), two photos each (its failed ones stay), an
// inspection per county visits 20 projects in the month, ten county leaders each look after a
// tenth of their county's projects, and projects under way started when they committed to.

const BATCH = 500;

export async function seedScoring(database: Database, period: string): Promise<{ sent: number; photos: number; findings: number; leaders: number }> {
  const { db } = database;
  const r = rng(11);
  const at = new Date().toISOString();
  const ref = sql.ref;

  // Sent between the 1st and the 12th of the next month (the deadline is the 5th), China time.
  const next = await db.selectFrom('monthlyReport as mr').innerJoin('reportingPeriod as rp', 'rp.id', 'mr.periodId')
    .select(['mr.id', 'rp.deadline']).where('mr.period', '=', period).where('mr.status', '!=', 'draft').orderBy('mr.id').execute();
  const byDay = new Map<string, number[]>();
  for (const x of next) {
    const late = r.chance(1 / 6);
    const day = Number(x.deadline.slice(8)) + (late ? r.int(1, 7) : -r.int(0, 4));
    const when = `${x.deadline.slice(0, 8)}${String(day).padStart(2, '0')}T10:00:00+08:00`;
    const iso = new Date(when).toISOString();
    byDay.set(iso, [...(byDay.get(iso) ?? []), x.id]);
  }
  for (const [iso, ids] of byDay) {
    for (let i = 0; i < ids.length; i += BATCH) {
      await db.updateTable('monthlyReport').set({ firstSubmittedAt: iso, submittedAt: iso }).where('id', 'in', ids.slice(i, i + BATCH)).execute();
    }
  }

  // Two passed photos on every sent report of the month.
  const sent = await db.selectFrom('monthlyReport as mr').innerJoin('project', 'project.id', 'mr.projectId')
    .select(['mr.id', 'mr.projectId', 'project.regionCode']).where('mr.period', '=', period).where('mr.firstSubmittedAt', 'is not', null).execute();
  const media = sent.flatMap((x) => [0, 1].map((k) => ({
    projectId: x.projectId, regionCode: x.regionCode, reportId: x.id, period, kind: 'photo', format: 'jpeg', mime: 'image/jpeg',
    filename: `score-${x.id}-${k}.jpg`, size: 1000, sha256: `${x.id}-${k}`.padStart(64, 'f'), originalKey: `bench/score/${x.id}/${k}`,
    checks: '[]', checkStatus: 'passed', createdAt: at, updatedAt: at,
  })));
  for (let i = 0; i < media.length; i += BATCH) await db.insertInto('media').values(media.slice(i, i + BATCH)).execute();

  // An inspection per county in the month: 20 projects, one in five books ahead, one in ten poor.
  const projects = await db.selectFrom('project').select(['id', 'regionCode']).orderBy('id').execute();
  const byCounty = new Map<string, number[]>();
  for (const p of projects) byCounty.set(p.regionCode, [...(byCounty.get(p.regionCode) ?? []), p.id]);
  const findings = [];
  for (const [county, ids] of byCounty) {
    const visitedOn = `${period}-${String(r.int(10, 25)).padStart(2, '0')}`;
    const i = await db.insertInto('inspection').values({ regionCode: county, title: `${Number(period.slice(5))}月督导检查`, plannedDate: visitedOn, status: 'finished', createdAt: at, updatedAt: at }).returning('id').executeTakeFirstOrThrow();
    for (const projectId of ids.slice(-20)) {
      findings.push({ inspectionId: i.id, projectId, visitedOn, booksAhead: r.chance(0.2) ? 1 : 0, rating: r.chance(0.1) ? 'poor' : r.pick(['good', 'fair']), status: 'saved', createdAt: at, updatedAt: at });
    }
  }
  for (let i = 0; i < findings.length; i += BATCH) await db.insertInto('finding').values(findings.slice(i, i + BATCH)).execute();

  // Ten 包保领导 per county, each with a tenth of the county's projects.
  let leaders = 0;
  for (const c of counties()) {
    const ids = byCounty.get(c.county) ?? [];
    const people = await db.insertInto('person').values(Array.from({ length: 10 }, (_, k) => ({ name: `${c.county}领导${k + 1}`, title: '副县长', regionCode: c.county, createdAt: at, updatedAt: at }))).returning('id').execute();
    leaders += people.length;
    for (const [k, person] of people.entries()) {
      const mine = ids.filter((_, j) => j % 10 === k);
      if (mine.length) await db.updateTable('project').set({ leaderId: person.id }).where('id', 'in', mine).execute();
    }
  }

  // Projects under way or finished started on their committed date.
  await db.updateTable('project').set({ actualStartDate: sql<string>`${ref('commitStartDate')}` })
    .where('stage', 'in', ['under_construction', 'completed', 'operating']).execute();
  return { sent: sent.length, photos: media.length, findings: findings.length, leaders };
}
