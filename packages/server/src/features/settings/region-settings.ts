import { levelOfCode } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { parseJson } from '../../lib/records';

// Settings an office keeps for its region, one JSON value per namespace ('reports',
// 'supervision'…); a county without its own follows its city's, then its province's, then the
// defaults. Saving is versioned like any record (a stale save is refused).

/** The region itself first, then the regions above it (GB/T 2260 codes carry their parents). */
export function regionLine(regionCode: string): string[] {
  const level = levelOfCode(regionCode);
  const line = [regionCode];
  if (level === 'county') line.push(`${regionCode.slice(0, 4)}00`);
  if (level === 'county' || level === 'city') line.push(`${regionCode.slice(0, 2)}0000`);
  return [...new Set(line)];
}

export type Loaded<T> = T & { version: number | null; regionCode: string | null };

export function regionSettings<T extends object>(namespace: string, defaults: T) {
  const keyOf = (regionCode: string) => `${namespace}:${regionCode}`;
  return {
    async load(db: Executor, regionCode: string): Promise<Loaded<T>> {
      const line = regionLine(regionCode);
      const rows = await db.selectFrom('setting').select(['key', 'value', 'version']).where('key', 'in', line.map(keyOf)).execute();
      for (const code of line) {
        const row = rows.find((r) => r.key === keyOf(code));
        if (row) return { ...defaults, ...parseJson<Partial<T>>(row.value, {}), version: code === regionCode ? row.version : null, regionCode: code };
      }
      return { ...defaults, version: null, regionCode: null };
    },

    /** Writes the region's own settings; false when the version is stale (someone saved meanwhile). */
    async store(db: Executor, regionCode: string, settings: T, version: number | null, at: string): Promise<boolean> {
      const value = JSON.stringify(settings);
      if (version == null) {
        const done = await db.insertInto('setting').values({ key: keyOf(regionCode), value, version: 1, updatedAt: at })
          .onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
        return done != null;
      }
      const done = await db.updateTable('setting').set({ value, version: version + 1, updatedAt: at })
        .where('key', '=', keyOf(regionCode)).where('version', '=', version).executeTakeFirst();
      return Number(done.numUpdatedRows) === 1;
    },

    /** Every region that has its own settings of this kind (the scheduler's list of offices to serve). */
    async regions(db: Executor): Promise<{ regionCode: string; settings: T }[]> {
      const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'like', `${namespace}:%`).execute();
      return rows.map((r) => ({ regionCode: r.key.slice(namespace.length + 1), settings: { ...defaults, ...parseJson<Partial<T>>(r.value, {}) } }));
    },
  };
}
