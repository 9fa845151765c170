import { COUNTRY_CODE } from '@tuijin/core';
import type { AppContext } from './lib/context';
import { writeAudit } from './lib/audit';
import { generatePassword } from './lib/passwords';
import { nowIso } from './lib/records';
import { insertUser } from './features/users/service';
import { writeTransaction } from './lib/transactions';

// First start: the root of the region tree and the first administrator, whose one-time
// password is printed once and must be changed at first login.

export async function ensureRootRegion(ctx: AppContext): Promise<void> {
  const at = nowIso(ctx);
  await ctx.db
    .insertInto('region')
    .values({ code: COUNTRY_CODE, name: '全国', level: 'country', parentCode: null, createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function createFirstAdmin(ctx: AppContext): Promise<{ username: string; password: string } | null> {
  await ensureRootRegion(ctx);
  const any = await ctx.db.selectFrom('appUser').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const password = generatePassword();
  const system = { userId: null, username: 'system', role: null, ip: null };
  await writeTransaction(ctx.db, async (tx) => {
    await insertUser(
      ctx,
      tx,
      { username: 'admin', displayName: '系统管理员', role: 'sysadmin', regionCode: COUNTRY_CODE, password },
      { mustChangePassword: true, audit: (r) => writeAudit(tx, system, ctx.clock.now(), r) },
    );
  });
  return { username: 'admin', password };
}
