import type { Db, Executor } from '../../db/kysely';

// Near-duplicate search over the perceptual hashes of every photo in a region. A county holds
// some 100,000 photos over five years; comparing 64-bit hashes in memory takes about a
// millisecond, where asking the database row by row would not. Each process keeps its own copy,
// brought up to date incrementally by id (photos are only ever added; a deleted one stays in
// the copy and is left out when the matches are read back from the database), so several
// processes stay correct.

interface RegionHashes {
  maxId: number;
  ids: number[];
  hi: number[];
  lo: number[];
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const split = (hash: string) => [parseInt(hash.slice(0, 8), 16) >>> 0, parseInt(hash.slice(8, 16), 16) >>> 0] as const;

/** At most this many matches go back to the database (a region would need that many near copies). */
const MAX_MATCHES = 500;

export class DuplicateIndex {
  private readonly regions = new Map<string, RegionHashes>();
  private readonly refreshing = new Map<string, Promise<RegionHashes>>();

  /** One refresh per region at a time: callers arriving meanwhile wait for the same one. */
  private refresh(db: Executor, regionCode: string): Promise<RegionHashes> {
    let running = this.refreshing.get(regionCode);
    if (!running) {
      running = this.load(db, regionCode).finally(() => this.refreshing.delete(regionCode));
      this.refreshing.set(regionCode, running);
    }
    return running;
  }

  private async load(db: Executor, regionCode: string): Promise<RegionHashes> {
    let r = this.regions.get(regionCode);
    if (!r) {
      r = { maxId: 0, ids: [], hi: [], lo: [] };
      this.regions.set(regionCode, r);
    }
    for (;;) {
      const rows = await db.selectFrom('media').select(['id', 'phash'])
        .where('regionCode', '=', regionCode).where('id', '>', r.maxId).where('phash', 'is not', null)
        .orderBy('id').limit(20_000).execute();
      for (const row of rows) {
        const [hi, lo] = split(row.phash!);
        r.ids.push(row.id);
        r.hi.push(hi);
        r.lo.push(lo);
        r.maxId = row.id;
      }
      if (rows.length < 20_000) return r;
    }
  }

  /** Photos of the region within `maxDistance` bits, nearest first (deleted ones included: the caller checks). */
  async near(db: Executor, regionCode: string, phash: string, maxDistance: number): Promise<{ id: number; distance: number }[]> {
    const r = await this.refresh(db, regionCode);
    const [hi, lo] = split(phash);
    const found: { id: number; distance: number }[] = [];
    for (let i = 0; i < r.ids.length; i++) {
      const d = popcount32((r.hi[i]! ^ hi) >>> 0) + popcount32((r.lo[i]! ^ lo) >>> 0);
      if (d <= maxDistance) found.push({ id: r.ids[i]!, distance: d });
    }
    return found.sort((a, b) => a.distance - b.distance || b.id - a.id).slice(0, MAX_MATCHES);
  }
}

const indexes = new WeakMap<Db, DuplicateIndex>();

export function duplicateIndexFor(db: Db): DuplicateIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new DuplicateIndex();
    indexes.set(db, index);
  }
  return index;
}
