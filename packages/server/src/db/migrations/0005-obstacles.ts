import type { Kysely } from 'kysely';

// The obstacle ladder needs the deadline it actually runs against: the one given, or (raised
// without one, as a report's problems are) the raising date plus the region's default time to
// solve one. Kept as a column so "overdue" is a plain indexed comparison for any region.

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('obstacle').addColumn('due_on', 'text').execute();
  // Those without a deadline get theirs from the escalation job's first run (it knows the settings).
  await db.updateTable('obstacle').set((eb) => ({ due_on: eb.ref('deadline') })).where('deadline', 'is not', null).execute();
  await db.schema.createIndex('obstacle_due').on('obstacle').columns(['status', 'due_on']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('obstacle_due').ifExists().execute();
  await db.schema.alterTable('obstacle').dropColumn('due_on').execute();
}
