import { sql, type Kysely } from 'kysely';

// Warnings (预警): at most one live warning per project and rule, enforced by the database, so
// two recomputes that overlap (the hourly job and an office's button) cannot both raise it.
// Reports are read by month when the warnings gather their facts across a whole province.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('warning_live_unique').on('warning').columns(['project_id', 'rule']).unique().where(sql.ref('cleared_at'), 'is', null).execute();
  await db.schema.createIndex('monthly_report_period').on('monthly_report').columns(['period', 'project_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('monthly_report_period').ifExists().execute();
  await db.schema.dropIndex('warning_live_unique').ifExists().execute();
}
