import type { Kysely } from 'kysely';

// The supervision loop: obstacles climb an escalation ladder to closure (each step recorded),
// warnings (红黄绿) keep their history, inspections record what the site shows against the
// books, joint meetings turn an agenda into decisions and action items, and leaders' site
// visits are counted. Photos of inspections and visits go through the same pipeline as a
// report's, so media and upload sessions learn to point at them.

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
  // Obstacles (made in 0003 for the report's problems) gain their ladder.
  for (const [name, type] of [
    ['stage', 'text'], ['stage_at', 'text'], ['escalate_at', 'text'], ['resolved_at', 'text'], ['resolved_by', 'integer'],
    ['confirmed_by', 'integer'], ['title', 'text'], ['meeting_id', 'integer'],
  ] as const) {
    await db.schema.alterTable('obstacle').addColumn(name, type).execute();
  }
  await db.updateTable('obstacle').set({ stage: 'assigned' }).where('stage', 'is', null).execute();
  await db.schema.createIndex('obstacle_escalate').on('obstacle').columns(['status', 'escalate_at']).execute();
  await db.schema.createIndex('obstacle_owner').on('obstacle').columns(['owner_org_id', 'status']).execute();
  await db.schema.createIndex('obstacle_leader').on('obstacle').columns(['leader_id', 'status']).execute();

  await table(db, 'obstacle_step')
    .addColumn('obstacle_id', 'integer', (c) => c.notNull().references('obstacle.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('note', 'text')
    .addColumn('is_auto', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('obstacle_step_obstacle').on('obstacle_step').column('obstacle_id').execute();

  // One live warning per project and rule; its events are the history (raised, changed, cleared).
  await table(db, 'warning')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .execute();
  await db.schema.createIndex('warning_live').on('warning').columns(['region_code', 'cleared_at', 'level']).execute();
  await db.schema.createIndex('warning_project').on('warning').columns(['project_id', 'rule', 'cleared_at']).execute();

  await table(db, 'warning_event')
    .addColumn('warning_id', 'integer', (c) => c.notNull().references('warning.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warning_event_warning').on('warning_event').column('warning_id').execute();

  await stamps(
    table(db, 'inspection')
      .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('planned_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('team', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('note', 'text')
      .addColumn('created_by', 'integer')
      .addColumn('finished_at', 'text'),
  ).execute();
  await db.schema.createIndex('inspection_region').on('inspection').columns(['region_code', 'planned_date']).execute();

  await table(db, 'inspection_project')
    .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspection.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addUniqueConstraint('inspection_project_unique', ['inspection_id', 'project_id'])
    .execute();

  await stamps(
    table(db, 'finding')
      .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspection.id'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
      .addColumn('inspector_id', 'integer')
      .addColumn('visited_on', 'text', (c) => c.notNull())
      .addColumn('report_id', 'integer', (c) => c.references('monthly_report.id'))
      .addColumn('observed_progress', 'text')
      .addColumn('observed_stage', 'text')
      .addColumn('observed', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('comparison', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('books_ahead', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rating', 'text')
      .addColumn('demands', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('note', 'text')
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('finding_inspection').on('finding').columns(['inspection_id', 'project_id']).execute();
  await db.schema.createIndex('finding_project').on('finding').columns(['project_id', 'visited_on']).execute();

  await stamps(
    table(db, 'meeting')
      .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('chair', 'text')
      .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text')
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema.createIndex('meeting_region').on('meeting').columns(['region_code', 'held_on']).execute();

  await stamps(
    table(db, 'meeting_item')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id'))
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'integer')
      .addColumn('project_id', 'integer', (c) => c.references('project.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('background', 'text')
      .addColumn('reported', 'text')
      .addColumn('decided', 'text')
      .addColumn('reporter', 'text'),
  ).execute();
  await db.schema.createIndex('meeting_item_meeting').on('meeting_item').columns(['meeting_id', 'sort']).execute();

  await stamps(
    table(db, 'action_item')
      .addColumn('meeting_id', 'integer', (c) => c.references('meeting.id'))
      .addColumn('meeting_item_id', 'integer', (c) => c.references('meeting_item.id'))
      .addColumn('project_id', 'integer', (c) => c.references('project.id'))
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('owner_org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('owner_person_id', 'integer', (c) => c.references('person.id'))
      .addColumn('deadline', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('done_note', 'text')
      .addColumn('done_by', 'integer'),
  ).execute();
  await db.schema.createIndex('action_item_region').on('action_item').columns(['region_code', 'status', 'deadline']).execute();

  await stamps(
    table(db, 'site_visit')
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('leader_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
      .addColumn('visited_on', 'text', (c) => c.notNull())
      .addColumn('days', 'double precision', (c) => c.notNull().defaultTo(1))
      .addColumn('found', 'text')
      .addColumn('decided', 'text')
      .addColumn('created_by', 'integer'),
  ).execute();
  await db.schema.createIndex('site_visit_leader').on('site_visit').columns(['leader_id', 'visited_on']).execute();
  await db.schema.createIndex('site_visit_project').on('site_visit').columns(['project_id', 'visited_on']).execute();

  // Photos of an inspection finding or a leader's visit use the report's pipeline.
  for (const t of ['media', 'upload_session']) {
    await db.schema.alterTable(t).addColumn('finding_id', 'integer').execute();
    await db.schema.alterTable(t).addColumn('visit_id', 'integer').execute();
  }
  await db.schema.createIndex('media_finding').on('media').column('finding_id').execute();
  await db.schema.createIndex('media_visit').on('media').column('visit_id').execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['site_visit', 'action_item', 'meeting_item', 'meeting', 'finding', 'inspection_project', 'inspection', 'warning_event', 'warning', 'obstacle_step']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
