import { isValidUscc, ORG_LABELS, orgInput, PERSON_LABELS, personInput, type OrgKind } from '@tuijin/core';
import { parse } from '../../lib/validate';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { createOrg } from '../orgs/service';
import { createPerson } from '../people/service';

// The names a ledger gives for companies, townships, departments and people, resolved to
// the county's records: found by exact name, or created during the import (and listed in
// the preview as new). Created once per batch however many rows name them.

export interface NamedRef { kind: OrgKind | 'person'; name: string }

export class Directory {
  private orgs = new Map<string, number>();
  private people = new Map<string, number>();
  private duplicatePeople = new Set<string>();

  private constructor(private readonly regionCode: string) {}

  static async load(db: Executor, regionCode: string): Promise<Directory> {
    const d = new Directory(regionCode);
    const orgs = await db.selectFrom('org').select(['id', 'kind', 'name']).where('regionCode', '=', regionCode).where('deletedAt', 'is', null).execute();
    for (const o of orgs) d.orgs.set(`${o.kind}:${o.name}`, o.id);
    const people = await db.selectFrom('person').select(['id', 'name']).where('regionCode', '=', regionCode).where('deletedAt', 'is', null).orderBy('id').execute();
    for (const p of people) {
      if (d.people.has(p.name)) d.duplicatePeople.add(p.name);
      else d.people.set(p.name, p.id);
    }
    return d;
  }

  orgId(kind: OrgKind, name: string | undefined): number | null | undefined {
    if (!name) return undefined;
    return this.orgs.get(`${kind}:${name}`) ?? null;
  }

  personId(name: string | undefined): number | null | undefined {
    if (!name) return undefined;
    return this.people.get(name) ?? null;
  }

  /** Two people of one name in the county: the import links the first and says so. */
  isAmbiguousPerson(name: string): boolean {
    return this.duplicatePeople.has(name);
  }

  async ensureOrg(ctx: AppContext, user: SessionUser, kind: OrgKind, name: string, extra: { uscc?: string } = {}): Promise<number> {
    const found = this.orgs.get(`${kind}:${name}`);
    if (found) return found;
    const usccOk = extra.uscc && isValidUscc(extra.uscc);
    const input = parse(orgInput, { kind, name, regionCode: this.regionCode, ...(usccOk ? { uscc: extra.uscc } : {}) }, ORG_LABELS);
    const org = await createOrg(ctx, user, input);
    this.orgs.set(`${kind}:${name}`, org.id);
    return org.id;
  }

  async ensurePerson(ctx: AppContext, user: SessionUser, name: string, extra: { phone?: string; title?: string } = {}): Promise<number> {
    const found = this.people.get(name);
    if (found) return found;
    const input = parse(personInput, { name, regionCode: this.regionCode, title: extra.title ?? null, ...(extra.phone ? { phone: extra.phone } : {}) }, PERSON_LABELS);
    const person = await createPerson(ctx, user, input);
    this.people.set(name, person.id);
    return person.id;
  }
}
