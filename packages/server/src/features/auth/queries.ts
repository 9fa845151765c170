import { sql } from 'kysely';
import type { Executor } from '../../db/kysely';

export function findUserForLogin(db: Executor, username: string) {
  return db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The user behind a session, with the names the client shows, in one round trip. */
export function findSession(db: Executor, idHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('appUser as u', 'u.id', 'session.userId')
    .innerJoin('region as r', 'r.code', 'u.regionCode')
    .leftJoin('org as o', 'o.id', 'u.orgId')
    .select([
      'session.idHash', 'session.createdAt', 'session.lastSeenAt',
      'u.id', 'u.username', 'u.displayName', 'u.role', 'u.regionCode', 'u.orgId', 'u.personId',
      'u.mustChangePassword', 'u.passwordChangedAt', 'u.disabled',
      'r.name as regionName', 'r.level as regionLevel', 'o.name as orgName',
    ])
    .where('session.idHash', '=', idHash)
    .executeTakeFirst();
}

export async function insertSession(db: Executor, row: { idHash: string; userId: number; at: string; ip: string | null; userAgent: string | null }) {
  await db
    .insertInto('session')
    .values({ idHash: row.idHash, userId: row.userId, createdAt: row.at, lastSeenAt: row.at, ip: row.ip, userAgent: row.userAgent })
    .execute();
}

export async function touchSession(db: Executor, idHash: string, at: string) {
  await db.updateTable('session').set({ lastSeenAt: at }).where('idHash', '=', idHash).execute();
}

export async function deleteSession(db: Executor, idHash: string) {
  await db.deleteFrom('session').where('idHash', '=', idHash).execute();
}

export async function deleteUserSessions(db: Executor, userId: number, exceptHash?: string) {
  let q = db.deleteFrom('session').where('userId', '=', userId);
  if (exceptHash) q = q.where('idHash', '!=', exceptHash);
  await q.execute();
}

export function findThrottle(db: Executor, username: string) {
  return db.selectFrom('loginThrottle').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Counts an attempt atomically before the password is even checked (an upsert that returns
 * the new count), so a burst of parallel guesses cannot all slip past the limit: an attempt
 * outside the window starts a new one. A successful login clears the count afterwards.
 */
export async function countAttempt(db: Executor, username: string, now: string, windowStartAfter: string): Promise<number> {
  const row = await db
    .insertInto('loginThrottle')
    .values({ username, failures: 1, windowStart: now, lockedUntil: null })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: sql`case when login_throttle.window_start < ${windowStartAfter} then 1 else login_throttle.failures + 1 end`,
        windowStart: sql`case when login_throttle.window_start < ${windowStartAfter} then ${now} else login_throttle.window_start end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function lockAccount(db: Executor, username: string, lockedUntil: string) {
  await db.updateTable('loginThrottle').set({ lockedUntil }).where('username', '=', username).execute();
}

export async function clearThrottle(db: Executor, username: string) {
  await db.deleteFrom('loginThrottle').where('username', '=', username).execute();
}
