import { contains } from '../../lib/search';
import type { OrgKind } from '@tuijin/core';
import type { Executor } from '../../db/kysely';

export interface OrgFilter {
  prefix: string;
  kind?: OrgKind;
  q?: string;
  regionCode?: string;
  page: number;
  pageSize: number;
}

function base(db: Executor, prefix: string) {
  return db
    .selectFrom('org')
    .innerJoin('region', 'region.code', 'org.regionCode')
    .where('org.regionCode', 'like', `${prefix}%`)
    .where('org.deletedAt', 'is', null);
}

export async function findOrgs(db: Executor, f: OrgFilter) {
  let query = base(db, f.prefix);
  if (f.kind) query = query.where('org.kind', '=', f.kind);
  if (f.regionCode) query = query.where('org.regionCode', '=', f.regionCode);
  if (f.q) query = query.where((eb) => eb.or([contains('org.name', f.q!), contains('org.short_name', f.q!), eb('org.uscc', '=', f.q!.toUpperCase())]));
  const [items, total] = await Promise.all([
    query.selectAll('org').select('region.name as regionName').orderBy('org.kind').orderBy('org.name').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findOrg(db: Executor, prefix: string, id: number) {
  return base(db, prefix).selectAll('org').select('region.name as regionName').where('org.id', '=', id).executeTakeFirst();
}

export function findOrgByName(db: Executor, regionCode: string, kind: string, name: string) {
  return db.selectFrom('org').select('id').where('regionCode', '=', regionCode).where('kind', '=', kind).where('name', '=', name).where('deletedAt', 'is', null).executeTakeFirst();
}
