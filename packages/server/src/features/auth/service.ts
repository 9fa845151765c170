import { createHash, randomBytes } from 'node:crypto';
import { isPasswordExpired, passwordProblems, type RegionLevel, type Role } from '@tuijin/core';
import { auditAlone, writeAudit } from '../../lib/audit';
import type { AppContext, SessionUser } from '../../lib/context';
import { actorOf } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { isAdminRole } from '../../lib/permissions';
import * as q from './queries';
import { writeTransaction } from '../../lib/transactions';

// Login, sessions and password changes (SECURITY.md rows 1–3).

const BAD_CREDENTIALS = '用户名或密码错误';
// Verified when the user does not exist, so both paths cost the same time.
let dummyHash: Promise<string> | null = null;

export function hashSessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; userId: number }> {
  const now = ctx.clock.now();
  const username = normalizeUsername(input.username);
  const { lockout } = ctx.config.profile;
  const actor = { userId: null, username, role: null, ip: input.ip };

  const throttle = await q.findThrottle(ctx.db, username);
  if (throttle?.lockedUntil && throttle.lockedUntil > now.toISOString()) {
    await auditAlone(ctx.db, actor, now, { action: 'login', objectType: 'session', result: 'failure', after: { reason: 'locked' } });
    const minutes = Math.ceil((Date.parse(throttle.lockedUntil) - now.getTime()) / 60_000);
    throw new AppError('account_locked', `登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试`);
  }

  const windowStartAfter = new Date(now.getTime() - lockout.windowMinutes * 60_000).toISOString();
  const lockedUntil = new Date(now.getTime() + lockout.lockMinutes * 60_000).toISOString();
  const attempt = await q.countAttempt(ctx.db, username, now.toISOString(), windowStartAfter);
  if (attempt > lockout.maxFailures) {
    await q.lockAccount(ctx.db, username, lockedUntil);
    await auditAlone(ctx.db, actor, now, { action: 'login', objectType: 'session', result: 'failure', after: { reason: 'locked' } });
    throw new AppError('account_locked', `登录失败次数过多，账户已锁定，请 ${lockout.lockMinutes} 分钟后再试`);
  }

  const user = await q.findUserForLogin(ctx.db, username);
  dummyHash ??= hashPassword('not-a-real-password', ctx.scryptCost);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok) {
    if (attempt >= lockout.maxFailures) await q.lockAccount(ctx.db, username, lockedUntil);
    await auditAlone(ctx.db, { ...actor, userId: user?.id ?? null }, now, {
      action: 'login', objectType: 'session', result: 'failure', after: { reason: 'bad_credentials' },
    });
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  if (user.disabled) {
    await auditAlone(ctx.db, { ...actor, userId: user.id, role: user.role }, now, {
      action: 'login', objectType: 'session', result: 'failure', after: { reason: 'disabled' },
    });
    throw new AppError('unauthenticated', '该账户已停用，请联系管理员');
  }

  // A fresh random id at every login (128+ bits); only its hash is stored.
  const token = randomBytes(32).toString('base64url');
  await writeTransaction(ctx.db, async (tx) => {
    await q.clearThrottle(tx, username);
    await q.insertSession(tx, { idHash: hashSessionId(token), userId: user.id, at: now.toISOString(), ip: input.ip, userAgent: input.userAgent });
    await tx.updateTable('appUser').set({ lastLoginAt: now.toISOString() }).where('id', '=', user.id).execute();
    await writeAudit(tx, { ...actor, userId: user.id, role: user.role }, now, { action: 'login', objectType: 'session', objectId: user.id });
  });
  return { token, userId: user.id };
}

/** Resolves a session cookie, enforcing the idle and absolute timeouts. */
export async function resolveSession(ctx: AppContext, token: string, ip: string | null): Promise<SessionUser | null> {
  const idHash = hashSessionId(token);
  const row = await q.findSession(ctx.db, idHash);
  if (!row) return null;
  const now = ctx.clock.now();
  const { session } = ctx.config.profile;
  const idle = (isAdminRole(row.role as Role) ? session.idleMinutesAdmin : session.idleMinutes) * 60_000;
  const expired =
    now.getTime() - Date.parse(row.lastSeenAt) > idle ||
    now.getTime() - Date.parse(row.createdAt) > session.absoluteHours * 3_600_000 ||
    row.disabled === 1;
  if (expired) {
    await q.deleteSession(ctx.db, idHash);
    return null;
  }
  // Refresh at most once a minute: a write per request would queue behind the one writer.
  if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) await q.touchSession(ctx.db, idHash, now.toISOString());
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    regionCode: row.regionCode,
    regionName: row.regionName,
    regionLevel: row.regionLevel as RegionLevel,
    orgId: row.orgId,
    orgName: row.orgName,
    personId: row.personId,
    mustChangePassword: row.mustChangePassword === 1,
    passwordChangedAt: row.passwordChangedAt,
    ip,
  };
}

export async function logout(ctx: AppContext, token: string, user: SessionUser | null): Promise<void> {
  await writeTransaction(ctx.db, async (tx) => {
    await q.deleteSession(tx, hashSessionId(token));
    if (user) await writeAudit(tx, actorOf(user), ctx.clock.now(), { action: 'logout', objectType: 'session', objectId: user.id });
  });
}

export function isPasswordChangeDue(ctx: AppContext, user: SessionUser): boolean {
  const policy = ctx.config.profile.password;
  const maxAge = isAdminRole(user.role) ? policy.maxAgeDaysAdmin : policy.maxAgeDays;
  return user.mustChangePassword || isPasswordExpired(user.passwordChangedAt, ctx.clock.now(), maxAge);
}

/** The reasons a new password is refused, including reuse of the last N. */
export async function checkNewPassword(
  ctx: AppContext,
  password: string,
  context: { username: string; currentHash?: string; history?: string[] },
): Promise<string[]> {
  const policy = ctx.config.profile.password;
  const problems = passwordProblems(password, policy, { username: context.username, isCommon: ctx.isCommonPassword });
  const previous = [context.currentHash, ...(context.history ?? [])].filter((h): h is string => !!h).slice(0, policy.historyCount);
  for (const hash of previous) {
    if (await verifyPassword(password, hash)) {
      problems.push(`新密码不能与最近 ${policy.historyCount} 次使用过的密码相同`);
      break;
    }
  }
  return problems;
}

export function rejectPassword(problems: string[]): AppError {
  return new AppError('password_rejected', `密码不符合要求：${problems.join('；')}`, { reasons: problems });
}

export async function changePassword(ctx: AppContext, user: SessionUser, current: string, next: string, sessionToken: string) {
  const row = await ctx.db.selectFrom('appUser').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, row.passwordHash))) throw new AppError('unprocessable', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码：不正确' }]);
  const history = JSON.parse(row.passwordHistory) as string[];
  const problems = await checkNewPassword(ctx, next, { username: row.username, currentHash: row.passwordHash, history });
  if (problems.length) throw rejectPassword(problems);
  const now = ctx.clock.now().toISOString();
  const newHistory = [row.passwordHash, ...history].slice(0, ctx.config.profile.password.historyCount - 1);
  await writeTransaction(ctx.db, async (tx) => {
    await tx
      .updateTable('appUser')
      .set({ passwordHash: await hashPassword(next, ctx.scryptCost), passwordHistory: JSON.stringify(newHistory), passwordChangedAt: now, mustChangePassword: 0, version: row.version + 1, updatedAt: now })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this user end: whoever knew the old password is logged out.
    await q.deleteUserSessions(tx, user.id, hashSessionId(sessionToken));
    await writeAudit(tx, actorOf(user), ctx.clock.now(), { action: 'change_password', objectType: 'user', objectId: user.id });
  });
}
