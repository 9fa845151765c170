import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../db/kysely';
import { writeTransaction } from './transactions';

// The audit trail (SECURITY.md rows 7–8): one complete record per action, written in the
// same transaction as the change (if the audit write fails, the action fails), appended to
// a SHA-256 hash chain so an edited or deleted row is detected by verifyAuditChain.

export interface Actor {
  userId: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
}

export interface AuditRecord {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  projectId?: number | null;
  result?: 'success' | 'failure';
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

/** Records whose change moves the ledger's data version (and so invalidates cached figures). */
const LEDGER_OBJECTS = new Set(['project', 'key_list', 'annual_plan', 'node', 'approval', 'org', 'person', 'region']);

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

type Row = {
  id: number; at: string; userId: number | null; username: string | null; role: string | null; ip: string | null;
  action: string; objectType: string; objectId: string | null; projectId: number | null; result: string;
  before: string | null; after: string | null;
};

export function chainHash(prevHash: string, row: Row): string {
  return createHash('sha256').update(prevHash).update(canonical(row)).digest('hex');
}

export async function writeAudit(tx: Executor, actor: Actor, at: Date, record: AuditRecord): Promise<void> {
  // Touching the head row first takes the write lock on both dialects, so concurrent
  // writers queue here and the chain stays a single line.
  await tx.updateTable('auditHead').set({ lastId: sql`last_id` }).where('id', '=', 1).execute();
  const head = await tx.selectFrom('auditHead').select(['lastId', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const row: Row = {
    id: head.lastId + 1,
    at: at.toISOString(),
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    ip: actor.ip,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId == null ? null : String(record.objectId),
    projectId: record.projectId ?? null,
    result: record.result ?? 'success',
    before: record.before === undefined ? null : canonical(record.before),
    after: record.after === undefined ? null : canonical(record.after),
  };
  const hash = chainHash(head.hash, row);
  await tx.insertInto('auditEvent').values({ ...row, prevHash: head.hash, hash }).execute();
  await tx.updateTable('auditHead').set({ lastId: row.id, hash }).where('id', '=', 1).execute();
  if (LEDGER_OBJECTS.has(record.objectType) && row.result === 'success') {
    await tx.updateTable('dataVersion').set({ version: sql`version + 1` }).where('domain', '=', 'ledger').execute();
  }
}

/**
 * Appends many records at once (an import's one-per-project trail): the chain is read and
 * moved once, and rows go in by the hundred, instead of five statements per record.
 */
export async function writeAuditBatch(tx: Executor, actor: Actor, at: Date, records: AuditRecord[]): Promise<void> {
  if (!records.length) return;
  await tx.updateTable('auditHead').set({ lastId: sql`last_id` }).where('id', '=', 1).execute();
  const head = await tx.selectFrom('auditHead').select(['lastId', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let prev = head.hash;
  let id = head.lastId;
  const rows = records.map((record) => {
    const row: Row = {
      id: ++id, at: at.toISOString(), userId: actor.userId, username: actor.username, role: actor.role, ip: actor.ip,
      action: record.action, objectType: record.objectType, objectId: record.objectId == null ? null : String(record.objectId),
      projectId: record.projectId ?? null, result: record.result ?? 'success',
      before: record.before === undefined ? null : canonical(record.before), after: record.after === undefined ? null : canonical(record.after),
    };
    const hash = chainHash(prev, row);
    const out = { ...row, prevHash: prev, hash };
    prev = hash;
    return out;
  });
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('auditEvent').values(rows.slice(i, i + 200)).execute();
  await tx.updateTable('auditHead').set({ lastId: id, hash: prev }).where('id', '=', 1).execute();
  if (records.some((r) => LEDGER_OBJECTS.has(r.objectType) && (r.result ?? 'success') === 'success')) {
    await tx.updateTable('dataVersion').set({ version: sql`version + 1` }).where('domain', '=', 'ledger').execute();
  }
}

/** Audits an action that has no business transaction of its own (a login, a refusal). */
export async function auditAlone(db: Db, actor: Actor, at: Date, record: AuditRecord): Promise<void> {
  await writeTransaction(db, (tx) => writeAudit(tx, actor, at, record));
}

export interface ChainReport { ok: boolean; checked: number; brokenAt: number | null }

export async function verifyAuditChain(db: Executor, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('auditEvent').selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const { prevHash, hash, ...content } = r;
      // A gap (a deleted row) is reported at the first missing id; an edited row at its own id.
      if (Number(r.id) !== lastId + 1) return { ok: false, checked, brokenAt: lastId + 1 };
      if (prevHash !== prev || chainHash(prev, { ...content, id: Number(content.id) }) !== hash) {
        return { ok: false, checked, brokenAt: Number(r.id) };
      }
      prev = hash;
      lastId = Number(r.id);
      checked++;
    }
  }
  const head = await db.selectFrom('auditHead').select(['lastId', 'hash']).where('id', '=', 1).executeTakeFirst();
  const headOk = !head || (head.lastId === lastId && head.hash === prev);
  // Rows missing at the end (the head points past the last row) are reported at the first
  // missing id; a last row rewritten with a recomputed hash, at that row.
  return { ok: headOk, checked, brokenAt: headOk ? null : head!.lastId > lastId ? lastId + 1 : lastId };
}
