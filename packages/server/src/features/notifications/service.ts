import type { Executor } from '../../db/kysely';
import type { SessionUser } from '../../lib/context';

// In-app notifications: reminders to report, a report waiting for review, a report returned or
// approved. They are messages, not records of the action (the audit trail keeps those).

export interface Notice {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

export async function notify(db: Executor, userIds: number[], notice: Notice, at: string): Promise<number> {
  return notifyEach(db, [...new Set(userIds.filter((id) => id > 0))].map((userId) => ({ userId, notice })), at);
}

/** Many notices at once (a month's reminders), inserted a few hundred per statement. */
export async function notifyEach(db: Executor, notices: { userId: number; notice: Notice }[], at: string): Promise<number> {
  const rows = notices.map(({ userId, notice }) => ({ userId, kind: notice.kind, title: notice.title, body: notice.body ?? null, link: notice.link ?? null, createdAt: at }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('notification').values(rows.slice(i, i + 200)).execute();
  return rows.length;
}

/** The enabled reporters of each company, by company. */
export async function reportersByOrg(db: Executor, orgIds: (number | null)[]): Promise<Map<number, number[]>> {
  const ids = [...new Set(orgIds.filter((id): id is number => id != null))];
  const byOrg = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('appUser').select(['id', 'orgId']).where('orgId', 'in', ids.slice(i, i + 500)).where('role', '=', 'reporter').where('disabled', '=', 0).execute();
    for (const r of rows) byOrg.set(r.orgId!, [...(byOrg.get(r.orgId!) ?? []), r.id]);
  }
  return byOrg;
}

/** The enabled accounts of a company (its reporters) or of a department (its reviewers). */
export async function usersOfOrgs(db: Executor, orgIds: (number | null)[], role: 'reporter' | 'department'): Promise<number[]> {
  const ids = orgIds.filter((id): id is number => id != null);
  if (!ids.length) return [];
  const rows = await db.selectFrom('appUser').select('id').where('orgId', 'in', ids).where('role', '=', role).where('disabled', '=', 0).execute();
  return rows.map((r) => r.id);
}

/** The accounts of 包保领导: leader users linked to these people. */
export async function leaderUsersOf(db: Executor, personIds: (number | null)[]): Promise<number[]> {
  const ids = personIds.filter((id): id is number => id != null);
  if (!ids.length) return [];
  const rows = await db.selectFrom('appUser').select('id').where('personId', 'in', ids).where('role', '=', 'leader').where('disabled', '=', 0).execute();
  return rows.map((r) => r.id);
}

/** The office accounts that serve a project's region (its own county or a region above it). */
export async function officeUsersFor(db: Executor, regionLine: string[]): Promise<number[]> {
  const rows = await db.selectFrom('appUser').select('id').where('regionCode', 'in', regionLine).where('role', '=', 'office').where('disabled', '=', 0).execute();
  return rows.map((r) => r.id);
}

/** Who reads a region's bulletin when it comes out: its leaders and its departments' accounts. */
export async function bulletinReadersOf(db: Executor, regionCode: string): Promise<number[]> {
  const rows = await db.selectFrom('appUser').select('id').where('regionCode', '=', regionCode).where('role', 'in', ['leader', 'department']).where('disabled', '=', 0).execute();
  return rows.map((r) => r.id);
}

export function listNotifications(db: Executor, user: SessionUser, options: { unreadOnly: boolean; limit: number }) {
  let q = db.selectFrom('notification').selectAll().where('userId', '=', user.id);
  if (options.unreadOnly) q = q.where('readAt', 'is', null);
  return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function countUnread(db: Executor, user: SessionUser): Promise<number> {
  const row = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', '=', user.id).where('readAt', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(db: Executor, user: SessionUser, ids: number[] | 'all', at: string): Promise<void> {
  let q = db.updateTable('notification').set({ readAt: at }).where('userId', '=', user.id).where('readAt', 'is', null);
  if (ids !== 'all') {
    if (!ids.length) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}

/** Notices about something that has since been dealt with (a report reviewed, a reminded report sent) are read. */
export async function settleNotices(db: Executor, link: string, kinds: string[], at: string): Promise<void> {
  await db.updateTable('notification').set({ readAt: at }).where('link', '=', link).where('kind', 'in', kinds).where('readAt', 'is', null).execute();
}
