import type { Executor } from '../db/kysely';

// Ledger reads (a page with its totals, the overview) are cached per process, keyed by
// what was asked and by the ledger's data version. Every write is audited, and the audit
// writer advances that version for every record that belongs to the ledger, so all
// processes see a change at once and the next read recomputes. The version is read before
// computing, so a result is never stored under a version newer than the data it saw.

const MAX_ENTRIES = 500;

export class ReadCache {
  private entries = new Map<string, { version: number; value: unknown }>();

  /** `enabled: false` (TUIJIN_READ_CACHE=0) measures the uncached path in benchmarks. */
  constructor(private readonly enabled = true) {}

  async get<T>(db: Executor, key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const row = await db.selectFrom('dataVersion').select('version').where('domain', '=', 'ledger').executeTakeFirst();
    const version = row?.version ?? 0;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Refresh recency: Map keeps insertion order, so the oldest entry is evicted first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
