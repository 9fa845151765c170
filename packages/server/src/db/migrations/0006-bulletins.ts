import type { Kysely } from 'kysely';

// The monthly bulletin (月度通报): one per region and month. Its sections, figures and photo
// comparisons are JSON documents drafted from the data and edited by the office; publishing
// stores the rendered .docx once (its key, sha256 and size) and freezes the record.

type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Db): Promise<void> {
  const t = db.schema.createTable('bulletin');
  await (isPostgres(db) ? t.addColumn('id', 'bigserial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('figures', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('photos', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('docx_key', 'text')
    .addColumn('docx_sha256', 'text')
    .addColumn('docx_size', 'bigint')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bulletin_region_period', ['region_code', 'period'])
    .execute();
  // The photo comparisons look for a month's and earlier months' photos of a region's projects.
  await db.schema.createIndex('media_region_period').on('media').columns(['region_code', 'period']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('media_region_period').ifExists().execute();
  await db.schema.dropTable('bulletin').ifExists().execute();
}
