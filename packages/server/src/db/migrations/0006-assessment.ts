import type { Kysely } from 'kysely';

// Assessment (考核): the office's scoring scheme as versioned documents (each edit a new row in
// force from a month on, never changed after), a month's scoring as a run holding the scheme it
// was scored under (published runs are frozen), its scores per subject with each item's figures
// and records, and the year-end rewards and penalties (奖惩).

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

function table(db: Db, name: string) {
  const t = db.schema.createTable(name);
  return isPostgres(db)
    ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Db): Promise<void> {
  const real = isPostgres(db) ? 'double precision' : 'real';
  await table(db, 'scoring_scheme')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Two offices saving from the same version: the second insert fails here and answers 409.
  await db.schema.createIndex('scoring_scheme_version').on('scoring_scheme').columns(['region_code', 'version']).unique().execute();

  await table(db, 'score_run')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'integer')
    .addColumn('scheme_name', 'text', (c) => c.notNull())
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    .addColumn('scheme_effective_from', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('projects', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('score_run_period').on('score_run').columns(['region_code', 'period']).unique().execute();

  await table(db, 'score')
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('total', real, (c) => c.notNull())
    .addColumn('base', real, (c) => c.notNull())
    .addColumn('bonus', real, (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('flag', 'text')
    .addColumn('projects', 'integer')
    .addColumn('items', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('score_run_rank').on('score').columns(['run_id', 'subject_kind', 'rank']).execute();
  await db.schema.createIndex('score_subject').on('score').columns(['run_id', 'subject_kind', 'subject_key']).unique().execute();

  await table(db, 'assessment_award')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_award_year').on('assessment_award').columns(['region_code', 'year']).execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['assessment_award', 'score', 'score_run', 'scoring_scheme']) await db.schema.dropTable(t).ifExists().execute();
}
