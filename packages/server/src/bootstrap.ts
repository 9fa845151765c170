import { COUNTRY_CODE } from '@tuijin/core';
import type { AppContext } from './lib/context';
import { writeAudit } from './lib/audit';
import { generatePassword } from './lib/passwords';
import { nowIso } from './lib/records';
import { insertUser } from './features/users/service';
import { writeTransaction } from './lib/transactions';

// First start: the root of the region tree and the three administrators, whose one-time
// passwords are printed once and must be changed at first login.

export async function ensureRootRegion(ctx: AppContext): Promise<void> {
  const at = nowIso(ctx);
  await ctx.db
    .insertInto('region')
    .values({ code: COUNTRY_CODE, name: '全国', level: 'country', parentCode: null, createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/**
 * The 三员 accounts, each with a one-time password: the system administrator (regions,
 * organisations, business accounts), the security administrator (administrator accounts,
 * permissions) and the audit administrator (the audit log). No account can create the
 * others' roles for itself, so all three are made at first start.
 */
export async function createFirstAdmin(ctx: AppContext): Promise<{ username: string; role: string; password: string }[] | null> {
  await ensureRootRegion(ctx);
  const any = await ctx.db.selectFrom('appUser').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const system = { userId: null, username: 'system', role: null, ip: null };
  const accounts = [
    { username: 'admin', displayName: '系统管理员', role: 'sysadmin' as const },
    { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' as const },
    { username: 'auditor', displayName: '安全审计员', role: 'auditor' as const },
  ].map((a) => ({ ...a, password: generatePassword() }));
  await writeTransaction(ctx.db, async (tx) => {
    for (const a of accounts) {
      await insertUser(ctx, tx, { ...a, regionCode: COUNTRY_CODE }, { mustChangePassword: true, audit: (r) => writeAudit(tx, system, ctx.clock.now(), r) });
    }
  });
  return accounts.map(({ username, role, password }) => ({ username, role, password }));
}
