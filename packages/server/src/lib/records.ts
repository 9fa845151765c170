import type { AppContext, SessionUser } from './context';
import { actorOf } from './context';
import { writeAudit, type AuditRecord } from './audit';
import type { Db, Tx } from '../db/kysely';
import { writeTransaction } from './transactions';

// The shape every write takes: one transaction, the change and its audit record together.

export function nowIso(ctx: AppContext): string {
  return ctx.clock.now().toISOString();
}

/**
 * Runs work in a transaction, or inside the caller's when ctx.db already is one, so use
 * cases compose: an import or the demo loader runs many of them as one all-or-nothing unit.
 */
export async function transact<T>(ctx: { db: Db | Tx }, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx.db as Tx);
  return writeTransaction(ctx.db as Db, work);
}


export async function inTransaction<T>(
  ctx: AppContext,
  user: SessionUser,
  work: (tx: Tx, audit: (record: AuditRecord) => Promise<void>) => Promise<T>,
): Promise<T> {
  const at = ctx.clock.now();
  return transact(ctx, (tx) => work(tx, (record) => writeAudit(tx, actorOf(user), at, record)));
}

/** Keeps only the fields that differ, for the before/after of an audit record. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Personal data stays out of the append-only trail: a changed phone is recorded as changed. */
export function redactPhones<T extends { before: Record<string, unknown>; after: Record<string, unknown> }>(change: T): T {
  for (const side of [change.before, change.after]) {
    for (const key of Object.keys(side)) if (/phone/i.test(key)) side[key] = side[key] == null ? null : '***';
  }
  return change;
}
