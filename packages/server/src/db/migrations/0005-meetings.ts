import type { Kysely } from 'kysely';

// A joint meeting's agenda builds itself and is rebuilt on demand; the office edits it in
// between. Two marks keep a rebuild from undoing the office's work: an item whose wording the
// office changed keeps it (is_edited), and an item the office took off stays off (removed_at).

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('meeting_item').addColumn('is_edited', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('meeting_item').addColumn('removed_at', 'text').execute();
  // The 督办事项 list across meetings filters by owner and by meeting.
  await db.schema.createIndex('action_item_owner').on('action_item').columns(['owner_org_id', 'status']).execute();
  await db.schema.createIndex('action_item_meeting').on('action_item').columns(['meeting_id', 'meeting_item_id']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('action_item_meeting').ifExists().execute();
  await db.schema.dropIndex('action_item_owner').ifExists().execute();
  await db.schema.alterTable('meeting_item').dropColumn('removed_at').execute();
  await db.schema.alterTable('meeting_item').dropColumn('is_edited').execute();
}
