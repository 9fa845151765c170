import { regionPrefix, type Role } from '@tuijin/core';
import type { Executor, Tx } from '../../db/kysely';
import type { AuditRecord } from '../../lib/audit';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, forbidden, notFound, versionConflict } from '../../lib/errors';
import { generatePassword, hashPassword } from '../../lib/passwords';
import { canGrantRole, isInScope, scopePrefix } from '../../lib/permissions';
import { diff, inTransaction, nowIso } from '../../lib/records';
import { checkNewPassword, normalizeUsername, rejectPassword } from '../auth/service';
import { deleteUserSessions } from '../auth/queries';
import { findUser, type UserRow } from './queries';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  orgId?: number | null;
  personId?: number | null;
  password: string;
}

export function presentUser(u: UserRow) {
  return {
    id: u.id, username: u.username, displayName: u.displayName, role: u.role, regionCode: u.regionCode,
    regionName: u.regionName, orgId: u.orgId, orgName: u.orgName, personId: u.personId,
    disabled: u.disabled === 1, lastLoginAt: u.lastLoginAt, version: u.version, updatedAt: u.updatedAt,
  };
}

/** A company's reporter and a department's staff act for their organisation: it must be set and fit. */
async function checkOrgForRole(db: Executor, role: Role, regionCode: string, orgId: number | null | undefined) {
  const needs: Partial<Record<Role, string>> = { reporter: 'company', department: 'department' };
  const kind = needs[role];
  if (!orgId) {
    if (kind) throw new AppError('validation_failed', '该角色必须指定所属单位', [{ field: 'orgId', message: '所属单位：该角色必须指定' }]);
    return;
  }
  const org = await db.selectFrom('org').select(['kind', 'regionCode']).where('id', '=', orgId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!org || !org.regionCode.startsWith(regionPrefix(regionCode))) {
    throw new AppError('validation_failed', '所属单位不存在或不在该地区', [{ field: 'orgId', message: '所属单位：不存在或不在该地区' }]);
  }
  if (kind && org.kind !== kind) {
    const label = kind === 'company' ? '企业' : '部门';
    throw new AppError('validation_failed', `该角色的所属单位必须是${label}`, [{ field: 'orgId', message: `所属单位：必须是${label}` }]);
  }
}

/** The person a user account stands for must exist in the user's region (no links across scopes). */
async function checkPerson(db: Executor, regionCode: string, personId: number | null | undefined) {
  if (!personId) return;
  const person = await db.selectFrom('person').select('regionCode').where('id', '=', personId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!person || !person.regionCode.startsWith(regionPrefix(regionCode))) {
    throw new AppError('validation_failed', '对应人员不存在或不在该地区', [{ field: 'personId', message: '对应人员：不存在或不在该地区' }]);
  }
}

async function checkRegion(db: Executor, regionCode: string) {
  if (!(await db.selectFrom('region').select('code').where('code', '=', regionCode).executeTakeFirst())) {
    throw new AppError('validation_failed', `地区 ${regionCode} 不存在`, [{ field: 'regionCode', message: '所属地区：不存在' }]);
  }
}

/** Inserts a user; used by the API, the CLI and the first start. Checks the password policy. */
export async function insertUser(
  ctx: AppContext,
  tx: Tx,
  input: NewUser,
  options: { mustChangePassword: boolean; audit: (r: AuditRecord) => Promise<void> },
): Promise<number> {
  const username = normalizeUsername(input.username);
  await checkRegion(tx, input.regionCode);
  await checkOrgForRole(tx, input.role, input.regionCode, input.orgId);
  await checkPerson(tx, input.regionCode, input.personId);
  if (await tx.selectFrom('appUser').select('id').where('username', '=', username).executeTakeFirst()) {
    throw new AppError('conflict', `用户名 ${username} 已被使用`, [{ field: 'username', message: '用户名：已被使用' }]);
  }
  const problems = await checkNewPassword(ctx, input.password, { username });
  if (problems.length) throw rejectPassword(problems);
  const at = nowIso(ctx);
  const { id } = await tx
    .insertInto('appUser')
    .values({
      username, displayName: input.displayName, role: input.role, regionCode: input.regionCode,
      orgId: input.orgId ?? null, personId: input.personId ?? null,
      passwordHash: await hashPassword(input.password, ctx.scryptCost), passwordChangedAt: at,
      mustChangePassword: options.mustChangePassword ? 1 : 0, createdAt: at, updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await options.audit({
    action: 'create', objectType: 'user', objectId: id,
    after: { username, displayName: input.displayName, role: input.role, regionCode: input.regionCode, orgId: input.orgId ?? null },
  });
  return id;
}

function assertMayManage(user: SessionUser, role: Role, regionCode: string) {
  if (!canGrantRole(user, role)) throw forbidden('您无权授予该角色');
  if (!isInScope(user, regionCode)) throw new AppError('validation_failed', '所属地区不在您的管辖范围内', [{ field: 'regionCode', message: '所属地区：不在管辖范围内' }]);
}

export async function createUser(ctx: AppContext, user: SessionUser, input: NewUser) {
  assertMayManage(user, input.role, input.regionCode);
  return inTransaction(ctx, user, async (tx, audit) => {
    const id = await insertUser(ctx, tx, input, { mustChangePassword: true, audit });
    return presentUser((await findUser(tx, scopePrefix(user), id))!);
  });
}

export async function updateUser(
  ctx: AppContext,
  user: SessionUser,
  id: number,
  input: { displayName?: string; role?: Role; regionCode?: string; orgId?: number | null; personId?: number | null; disabled?: boolean; version: number },
) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findUser(tx, scopePrefix(user), id);
    if (!current) throw notFound('用户');
    assertMayManage(user, current.role as Role, current.regionCode);
    const role = input.role ?? (current.role as Role);
    const regionCode = input.regionCode ?? current.regionCode;
    assertMayManage(user, role, regionCode);
    if (id === user.id && (input.role || input.disabled)) throw forbidden('不能修改自己的角色或停用自己');
    if (input.regionCode) await checkRegion(tx, input.regionCode);
    if (input.role || input.orgId !== undefined || input.regionCode) {
      await checkOrgForRole(tx, role, regionCode, input.orgId === undefined ? current.orgId : input.orgId);
    }
    if (input.personId !== undefined || input.regionCode) {
      await checkPerson(tx, regionCode, input.personId === undefined ? current.personId : input.personId);
    }
    const { version, disabled, ...fields } = input;
    const row = { ...fields, ...(disabled === undefined ? {} : { disabled: disabled ? 1 : 0 }) };
    const done = await tx.updateTable('appUser').set({ ...row, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw versionConflict(presentUser(current));
    // A change of role, scope or status ends the user's sessions: they log in again under the new rights.
    if (input.role || input.regionCode || input.orgId !== undefined || disabled) await deleteUserSessions(tx, id);
    const { before, after } = diff(current as unknown as Record<string, unknown>, row);
    const isPermissionChange = 'role' in after || 'regionCode' in after || 'orgId' in after || 'disabled' in after;
    await audit({ action: isPermissionChange ? 'change_permission' : 'update', objectType: 'user', objectId: id, before, after });
    return presentUser((await findUser(tx, scopePrefix(user), id))!);
  });
}

export async function resetPassword(ctx: AppContext, user: SessionUser, id: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findUser(tx, scopePrefix(user), id);
    if (!current) throw notFound('用户');
    assertMayManage(user, current.role as Role, current.regionCode);
    const password = generatePassword();
    await tx
      .updateTable('appUser')
      .set({ passwordHash: await hashPassword(password, ctx.scryptCost), passwordChangedAt: nowIso(ctx), mustChangePassword: 1, version: current.version + 1, updatedAt: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    await deleteUserSessions(tx, id);
    await audit({ action: 'reset_password', objectType: 'user', objectId: id });
    return { password };
  });
}
