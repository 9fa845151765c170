import type { Kysely } from 'kysely';

// One finding per inspection and project: the visit sheet is saved again, never doubled. The
// plain index of 0004 on the same columns gives way to a unique one.

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.dropIndex('finding_inspection').ifExists().execute();
  await db.schema.createIndex('finding_inspection_project').on('finding').columns(['inspection_id', 'project_id']).unique().execute();
  await db.schema.createIndex('inspection_project_project').on('inspection_project').column('project_id').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('inspection_project_project').ifExists().execute();
  await db.schema.dropIndex('finding_inspection_project').ifExists().execute();
  await db.schema.createIndex('finding_inspection').on('finding').columns(['inspection_id', 'project_id']).execute();
}
