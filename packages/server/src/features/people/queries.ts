import { contains } from '../../lib/search';
import type { Executor } from '../../db/kysely';

function base(db: Executor, prefix: string) {
  return db
    .selectFrom('person')
    .leftJoin('org', 'org.id', 'person.orgId')
    .where('person.regionCode', 'like', `${prefix}%`)
    .where('person.deletedAt', 'is', null);
}

export async function findPeople(db: Executor, f: { prefix: string; q?: string; orgId?: number; regionCode?: string; page: number; pageSize: number }) {
  let query = base(db, f.prefix);
  if (f.orgId) query = query.where('person.orgId', '=', f.orgId);
  if (f.regionCode) query = query.where('person.regionCode', '=', f.regionCode);
  if (f.q) query = query.where((eb) => eb.or([contains('person.name', f.q!), contains('person.title', f.q!)]));
  const [items, total] = await Promise.all([
    query.selectAll('person').select('org.name as orgName').orderBy('person.name').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findPerson(db: Executor, prefix: string, id: number) {
  return base(db, prefix).selectAll('person').select('org.name as orgName').where('person.id', '=', id).executeTakeFirst();
}
