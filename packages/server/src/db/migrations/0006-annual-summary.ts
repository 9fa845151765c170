import type { Kysely } from 'kysely';

// The office's edited text of the annual summary's 「一、基本情况」: one per region and year,
// versioned. `basis` keeps the draft the text was saved against, so the page can say when the
// ledger has moved on since. Without a row the summary is the draft generated from the data.

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Db): Promise<void> {
  const t = db.schema.createTable('annual_summary');
  await (isPostgres(db) ? t.addColumn('id', 'bigserial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .addUniqueConstraint('annual_summary_region_year', ['region_code', 'year'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('annual_summary').ifExists().execute();
}
