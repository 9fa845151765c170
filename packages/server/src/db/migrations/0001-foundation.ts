import type { Kysely } from 'kysely';

// The foundation: regions, organisations, people, users and sessions, the audit chain,
// projects with their key-list memberships, annual plans, key nodes, approvals and
// stage history. Runs on SQLite and PostgreSQL alike; timestamps are UTC ISO text and
// calendar dates 'YYYY-MM-DD' text so both dialects sort and compare them the same way.

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
    db.schema
      .createTable('region')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text', (c) => c.references('region.code')),
  ).execute();

  await stamps(
    table(db, 'org')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
      .addColumn('uscc', 'text')
      .addColumn('address', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone_enc', 'text')
      .addColumn('deleted_at', 'text'),
  ).execute();
  await db.schema.createIndex('org_region_kind').on('org').columns(['region_code', 'kind']).execute();
  await db.schema.createIndex('org_uscc').on('org').column('uscc').execute();

  await stamps(
    table(db, 'person')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('phone_enc', 'text')
      .addColumn('org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
      .addColumn('deleted_at', 'text'),
  ).execute();
  await db.schema.createIndex('person_region').on('person').column('region_code').execute();

  await stamps(
    table(db, 'app_user')
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
      .addColumn('org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('person_id', 'integer', (c) => c.references('person.id'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('password_history', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_login_at', 'text'),
  ).execute();

  // Sessions and login counters live in the database so every app process shares them.
  await db.schema
    .createTable('session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user').on('session').column('user_id').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  // Append-only and hash-chained: each row's hash covers its content and the previous hash.
  await table(db, 'audit_event')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('role', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('project_id', 'integer')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_object').on('audit_event').columns(['object_type', 'object_id']).execute();
  await db.schema.createIndex('audit_project').on('audit_event').column('project_id').execute();
  await db.schema.createIndex('audit_at').on('audit_event').column('at').execute();
  // One row whose update serialises writers of the chain on both dialects.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, last_id: 0, hash: '0'.repeat(64) }).execute();

  // A counter per kind of data, advanced by every audited write to it; cached aggregates
  // are valid while their counter stands still, across all app processes.
  await db.schema
    .createTable('data_version')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('data_version').values({ domain: 'ledger', version: 0 }).execute();

  await stamps(
    table(db, 'project')
      .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
      .addColumn('code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('industry', 'text', (c) => c.notNull())
      .addColumn('nature', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('stage_date', 'text')
      .addColumn('resume_stage', 'text')
      .addColumn('township_id', 'integer', (c) => c.references('org.id'))
      .addColumn('address', 'text')
      .addColumn('lng', 'double precision')
      .addColumn('lat', 'double precision')
      .addColumn('site_polygon', 'text')
      .addColumn('owner_org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('content_scale', 'text')
      .addColumn('total_investment', 'bigint', (c) => c.notNull())
      .addColumn('foreign_amount', 'bigint')
      .addColumn('foreign_currency', 'text')
      .addColumn('foreign_rate', 'text')
      .addColumn('funding_sources', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('annual_revenue', 'bigint')
      .addColumn('annual_profit_tax', 'bigint')
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('leader_id', 'integer', (c) => c.references('person.id'))
      .addColumn('first_responsible_id', 'integer', (c) => c.references('person.id'))
      .addColumn('responsible_org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('bank_org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('contact_id', 'integer', (c) => c.references('person.id'))
      .addColumn('team', 'text')
      .addColumn('implementation_plan', 'text')
      .addColumn('commit_start_date', 'text')
      .addColumn('commit_completion_date', 'text')
      .addColumn('commit_production_date', 'text')
      .addColumn('commit_target', 'text')
      .addColumn('commit_duty', 'text')
      .addColumn('commit_reward_penalty', 'text')
      .addColumn('actual_start_date', 'text')
      .addColumn('actual_completion_date', 'text')
      .addColumn('actual_production_date', 'text')
      .addColumn('created_by', 'integer')
      .addColumn('updated_by', 'integer')
      .addColumn('deleted_at', 'text'),
  ).execute();
  for (const cols of [
    ['region_code', 'total_investment'], ['region_code', 'stage'], ['region_code', 'name_key'],
    ['total_investment'], ['responsible_org_id'], ['owner_org_id'], ['leader_id'], ['township_id'], ['code'],
  ]) {
    await db.schema.createIndex(`project_${cols.join('_')}`).on('project').columns(cols).execute();
  }

  await table(db, 'project_key_list')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_key_list_unique', ['project_id', 'year', 'level'])
    .execute();
  await db.schema.createIndex('project_key_list_year').on('project_key_list').columns(['year', 'level', 'project_id']).execute();

  await stamps(
    table(db, 'annual_plan')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('plan', 'bigint', (c) => c.notNull())
      .addColumn('target', 'bigint', (c) => c.notNull())
      .addColumn('monthly', 'text')
      .addColumn('progress_goal', 'text')
      .addColumn('completed', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('completed_through', 'text')
      .addColumn('completed_last_year', 'bigint')
      .addUniqueConstraint('annual_plan_unique', ['project_id', 'year']),
  ).execute();
  await db.schema.createIndex('annual_plan_year').on('annual_plan').columns(['year', 'project_id']).execute();
  for (const col of ['plan', 'target', 'completed']) {
    await db.schema.createIndex(`annual_plan_year_${col}`).on('annual_plan').columns(['year', col]).execute();
  }

  await stamps(
    table(db, 'project_node')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('planned_date', 'text', (c) => c.notNull())
      .addColumn('actual_date', 'text')
      .addColumn('responsible_org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('project_node_project').on('project_node').column('project_id').execute();

  await stamps(
    table(db, 'project_approval')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done_date', 'text')
      .addColumn('doc_no', 'text')
      .addColumn('authority', 'text')
      .addColumn('note', 'text')
      .addUniqueConstraint('project_approval_unique', ['project_id', 'item']),
  ).execute();

  await table(db, 'stage_transition')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stage_transition_project').on('stage_transition').column('project_id').execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of [
    'setting', 'stage_transition', 'project_approval', 'project_node', 'annual_plan', 'project_key_list',
    'project', 'data_version', 'audit_head', 'audit_event', 'login_throttle', 'session', 'app_user', 'person', 'org', 'region',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
