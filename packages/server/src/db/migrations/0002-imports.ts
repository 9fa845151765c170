import { sql, type Kysely } from 'kysely';

// Ledger imports: each uploaded file is a batch, previewed first and committed once.
// The file waits under the data folder between preview and commit; the batch keeps
// what was decided (mapping, rates, counts) for the record.

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Db): Promise<void> {
  const t = db.schema.createTable('import_batch');
  await (isPostgres(db) ? t.addColumn('id', 'bigserial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('summary', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .execute();
  await db.schema.createIndex('import_batch_region').on('import_batch').columns(['region_code', 'created_at']).execute();
  // A project code (the national approval code) names one live project in the whole deployment.
  await db.schema
    .createIndex('project_code_unique')
    .on('project')
    .column('code')
    .unique()
    .where(sql.ref('code'), 'is not', null)
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('project_code_unique').ifExists().execute();
  await db.schema.dropTable('import_batch').ifExists().execute();
}
