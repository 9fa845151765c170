import { sql } from 'kysely';
import type { Db, Tx } from '../db/kysely';

/**
 * Every writing transaction takes the audit chain's lock before it touches anything else.
 * Every write is audited, so writers queue there anyway; taking it first means they queue
 * in one order and never deadlock (a transaction holding a project row while waiting for
 * the chain, another holding the chain while waiting for that row), and on SQLite the
 * transaction is a writer from its first statement, so it cannot fail to upgrade later.
 */
export async function writeTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await tx.updateTable('auditHead').set({ lastId: sql`last_id` }).where('id', '=', 1).execute();
    return work(tx);
  });
}
