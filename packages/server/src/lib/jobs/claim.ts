import type { Executor } from '../../db/kysely';

// A scheduled job runs once across all app processes: the first to insert its key (the job
// and its slot, e.g. 'auto-open:371402:2026-05') runs it, the others find the key taken.

export async function claimJob(db: Executor, key: string, at: string): Promise<boolean> {
  const row = await db.insertInto('jobRun').values({ key, startedAt: at }).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
  return row != null;
}

export async function finishJob(db: Executor, key: string, at: string, result: unknown): Promise<void> {
  await db.updateTable('jobRun').set({ finishedAt: at, result: JSON.stringify(result) }).where('key', '=', key).execute();
}
