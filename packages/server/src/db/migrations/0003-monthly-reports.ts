import type { Kysely } from 'kysely';

// The monthly report (月报): reporting months per region, one report per project and month
// with its review history, site photos and videos with their checks, the fixed shooting
// points they are taken from, resumable upload sessions, obstacles raised from reports,
// and in-app notifications (reminders). Money is bigint yuan; JSON lists are text.

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

const stamps = <T extends { addColumn: (...a: any[]) => T }>(t: T): T =>
  t
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull());

export async function up(db: Db): Promise<void> {
  await stamps(
    table(db, 'reporting_period')
      .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'integer')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'integer')
      .addColumn('archive_key', 'text')
      .addColumn('archive_sha256', 'text')
      .addColumn('archive_size', 'bigint')
      .addColumn('archived_at', 'text')
      .addUniqueConstraint('reporting_period_unique', ['region_code', 'period']),
  ).execute();
  await db.schema.createIndex('reporting_period_period').on('reporting_period').columns(['period', 'region_code']).execute();

  await stamps(
    table(db, 'monthly_report')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
      .addColumn('period_id', 'integer', (c) => c.notNull().references('reporting_period.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('this_month', 'bigint')
      .addColumn('ytd', 'bigint')
      .addColumn('cumulative', 'bigint')
      .addColumn('explanation', 'text')
      .addColumn('funds', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('progress', 'text')
      .addColumn('nodes_met', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('problems', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('next_plan', 'text')
      .addColumn('coordination', 'text')
      .addColumn('no_change', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('no_change_reason', 'text')
      .addColumn('figure_notes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('started_at', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('submitted_by', 'integer')
      .addColumn('first_submitted_at', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'integer')
      .addColumn('review_comment', 'text')
      .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reminded_at', 'text')
      .addColumn('remind_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_by', 'integer')
      .addUniqueConstraint('monthly_report_unique', ['project_id', 'period']),
  ).execute();
  await db.schema.createIndex('monthly_report_period_status').on('monthly_report').columns(['period_id', 'status']).execute();
  await db.schema.createIndex('monthly_report_project').on('monthly_report').columns(['project_id', 'period']).execute();

  await table(db, 'report_event')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('monthly_report.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_event_report').on('report_event').column('report_id').execute();

  await stamps(
    table(db, 'shooting_point')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('lng', 'double precision')
      .addColumn('lat', 'double precision')
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deleted_at', 'text'),
  ).execute();
  await db.schema.createIndex('shooting_point_project').on('shooting_point').column('project_id').execute();

  await stamps(
    table(db, 'media')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('report_id', 'integer', (c) => c.references('monthly_report.id'))
      .addColumn('period', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('phash', 'text')
      .addColumn('original_key', 'text', (c) => c.notNull())
      .addColumn('display_key', 'text')
      .addColumn('thumb_key', 'text')
      .addColumn('converted_key', 'text')
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('duration_ms', 'integer')
      .addColumn('captured_at', 'text')
      .addColumn('lng', 'double precision')
      .addColumn('lat', 'double precision')
      .addColumn('camera', 'text')
      .addColumn('caption', 'text')
      .addColumn('shooting_point_id', 'integer', (c) => c.references('shooting_point.id'))
      .addColumn('checks', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('check_status', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('uploaded_by', 'integer')
      .addColumn('deleted_at', 'text'),
  ).execute();
  await db.schema.createIndex('media_project').on('media').columns(['project_id', 'period']).execute();
  await db.schema.createIndex('media_report').on('media').column('report_id').execute();
  await db.schema.createIndex('media_sha256').on('media').column('sha256').execute();
  await db.schema.createIndex('media_region').on('media').columns(['region_code', 'id']).execute();

  // A resumable upload: chunks land in object storage (so any app process can take the
  // next one), the session remembers how many bytes arrived; completing it makes a media row.
  await db.schema
    .createTable('upload_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('report_id', 'integer', (c) => c.references('monthly_report.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('chunks', 'integer', (c) => c.notNull().defaultTo(0))
    // The storage keys of the accepted chunks, in order (each attempt writes a key of its own).
    .addColumn('parts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('caption', 'text')
    .addColumn('shooting_point_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('media_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('upload_session_expires').on('upload_session').columns(['status', 'expires_at']).execute();

  // 问题/要素制约: raised here from a report's problems; the supervision loop builds on it.
  await stamps(
    table(db, 'obstacle')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'integer')
      .addColumn('owner_org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('leader_id', 'integer', (c) => c.references('person.id'))
      .addColumn('deadline', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('raised_by', 'integer')
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('resolution', 'text'),
  ).execute();
  await db.schema.createIndex('obstacle_project').on('obstacle').column('project_id').execute();
  await db.schema.createIndex('obstacle_region_status').on('obstacle').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('obstacle_source').on('obstacle').columns(['source', 'source_id']).execute();

  await table(db, 'notification')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notification_user').on('notification').columns(['user_id', 'read_at', 'id']).execute();

  // Scheduled jobs run once across app processes: a job claims its slot by inserting its key.
  await db.schema
    .createTable('job_run')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('result', 'text')
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['job_run', 'notification', 'obstacle', 'upload_session', 'media', 'shooting_point', 'report_event', 'monthly_report', 'reporting_period']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
