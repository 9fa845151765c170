import { openDatabase, type Database } from '../packages/server/src/db/kysely';
import { migrateToLatest } from '../packages/server/src/db/migrate';
import { generateProject, makeUscc, rng } from '../packages/server/src/demo/generate';
import { nameKey } from '../packages/server/src/features/projects/service';

// A province of 100 counties and 20,000 projects, written straight to the database in
// batches (the same columns the app writes), so the benchmark measures reads, not setup.

export const PROVINCE = '410000';
export const YEAR = 2026;

export function counties(n = 100): { city: string; county: string }[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    const city = `41${String(1 + Math.floor(i / 10)).padStart(2, '0')}00`;
    out.push({ city, county: city.slice(0, 4) + String(1 + (i % 10)).padStart(2, '0') });
  }
  return out;
}

export async function seedProvince(database: Database, projects = 20_000): Promise<void> {
  const { db } = database;
  await migrateToLatest(db);
  const at = new Date().toISOString();
  const r = rng(42);
  const list = counties();
  await db.insertInto('region').values({ code: '100000', name: '全国', level: 'country', parentCode: null, createdAt: at, updatedAt: at }).onConflict((oc) => oc.doNothing()).execute();
  await db.insertInto('region').values({ code: PROVINCE, name: '测试省', level: 'province', parentCode: '100000', createdAt: at, updatedAt: at }).execute();
  const cities = [...new Set(list.map((c) => c.city))];
  await db.insertInto('region').values(cities.map((code, i) => ({ code, name: `第${i + 1}市`, level: 'city', parentCode: PROVINCE, createdAt: at, updatedAt: at }))).execute();
  await db.insertInto('region').values(list.map((c, i) => ({ code: c.county, name: `第${i + 1}县`, level: 'county', parentCode: c.city, createdAt: at, updatedAt: at }))).execute();
  const orgIds: Record<string, { dept: number[]; township: number[]; company: number[] }> = {};
  for (const c of list) {
    const mk = async (kind: string, n: number) => {
      const rows = Array.from({ length: n }, (_, i) => ({ kind, name: `${c.county}-${kind}-${i}`, regionCode: c.county, uscc: kind === 'company' ? makeUscc(r, c.county) : null, createdAt: at, updatedAt: at }));
      const ids = await db.insertInto('org').values(rows).returning('id').execute();
      return ids.map((x) => x.id);
    };
    orgIds[c.county] = { dept: await mk('department', 8), township: await mk('township', 5), company: await mk('company', 40) };
  }
  const perCounty = Math.ceil(projects / list.length);
  const batch = 500;
  let rows: Parameters<ReturnType<typeof db.insertInto<'project'>>['values']>[0] & unknown[] = [];
  const plans: { index: number; plan: number; target: number; completed: number; completedLastYear: number; levels: string[] }[] = [];
  const flush = async () => {
    if (!rows.length) return;
    const ids = await db.insertInto('project').values(rows).returning('id').execute();
    await db.insertInto('annualPlan').values(plans.map((p, i) => ({
      projectId: ids[i]!.id, year: YEAR, plan: p.plan, target: p.target, completed: p.completed, completedThrough: `${YEAR}-08`,
      completedLastYear: p.completedLastYear, createdAt: at, updatedAt: at,
    }))).execute();
    const kl = plans.flatMap((p, i) => p.levels.map((level) => ({ projectId: ids[i]!.id, year: YEAR, level, createdAt: at })));
    if (kl.length) await db.insertInto('projectKeyList').values(kl).execute();
    rows = [];
    plans.length = 0;
  };
  let n = 0;
  for (const c of list) {
    const o = orgIds[c.county]!;
    for (let i = 0; i < perCounty && n < projects; i++, n++) {
      const g = generateProject(r, i % 5, YEAR, 8);
      const name = `${g.name}-${c.county}-${i}`;
      rows.push({
        regionCode: c.county, code: `${YEAR}-${c.county}-${String(i).padStart(5, '0')}`, name, nameKey: nameKey(name), category: g.category,
        industry: g.industry, nature: g.nature, stage: g.stage, stageDate: `${YEAR}-01-10`, totalInvestment: g.totalInvestment,
        ownerOrgId: r.pick(o.company), responsibleOrgId: r.pick(o.dept), townshipId: r.pick(o.township),
        commitStartDate: g.commitStartDate, commitCompletionDate: g.commitCompletionDate, contentScale: g.contentScale,
        createdAt: at, updatedAt: at,
      });
      plans.push({ index: i, plan: g.plan, target: g.target, completed: g.completed, completedLastYear: g.completedLastYear, levels: g.levels });
      if (rows.length >= batch) await flush();
    }
  }
  await flush();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'bench/out/bench.sqlite';
  const database = openDatabase({ sqliteFile: file });
  const t = Date.now();
  await seedProvince(database);
  await database.close();
  console.log(`seeded ${file} in ${Date.now() - t} ms`);
}
