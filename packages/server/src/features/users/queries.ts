import { contains } from '../../lib/search';
import type { Executor } from '../../db/kysely';

const COLUMNS = [
  'u.id', 'u.username', 'u.displayName', 'u.role', 'u.regionCode', 'u.orgId', 'u.personId', 'u.disabled',
  'u.lastLoginAt', 'u.version', 'u.createdAt', 'u.updatedAt', 'r.name as regionName', 'o.name as orgName',
] as const;

function base(db: Executor, prefix: string) {
  return db
    .selectFrom('appUser as u')
    .innerJoin('region as r', 'r.code', 'u.regionCode')
    .leftJoin('org as o', 'o.id', 'u.orgId')
    .where('u.regionCode', 'like', `${prefix}%`);
}

export async function findUsers(db: Executor, f: { prefix: string; q?: string; orgId?: number; regionCode?: string; page: number; pageSize: number }) {
  let query = base(db, f.prefix);
  if (f.orgId) query = query.where('u.orgId', '=', f.orgId);
  if (f.regionCode) query = query.where('u.regionCode', '=', f.regionCode);
  if (f.q) query = query.where((eb) => eb.or([contains('u.username', f.q!), contains('u.display_name', f.q!)]));
  const [items, total] = await Promise.all([
    query.select(COLUMNS).orderBy('u.username').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findUser(db: Executor, prefix: string, id: number) {
  return base(db, prefix).select(COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;
