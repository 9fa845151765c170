import { DEFAULT_REPORT_SETTINGS, levelOfCode, type ReportSettings } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { parseJson } from '../../lib/records';

// An office's settings for the monthly report are kept per region; a county without its own
// follows its city's, then its province's, then the defaults.

const keyOf = (regionCode: string) => `reports:${regionCode}`;

/** The region itself first, then the regions above it (GB/T 2260 codes carry their parents). */
export function regionLine(regionCode: string): string[] {
  const level = levelOfCode(regionCode);
  const line = [regionCode];
  if (level === 'county') line.push(`${regionCode.slice(0, 4)}00`);
  if (level === 'county' || level === 'city') line.push(`${regionCode.slice(0, 2)}0000`);
  return [...new Set(line)];
}

export async function loadReportSettings(db: Executor, regionCode: string): Promise<ReportSettings & { version: number | null; regionCode: string | null }> {
  const line = regionLine(regionCode);
  const rows = await db.selectFrom('setting').select(['key', 'value', 'version']).where('key', 'in', line.map(keyOf)).execute();
  for (const code of line) {
    const row = rows.find((r) => r.key === keyOf(code));
    if (row) return { ...DEFAULT_REPORT_SETTINGS, ...parseJson<Partial<ReportSettings>>(row.value, {}), version: code === regionCode ? row.version : null, regionCode: code };
  }
  return { ...DEFAULT_REPORT_SETTINGS, version: null, regionCode: null };
}

export async function storeReportSettings(db: Executor, regionCode: string, settings: ReportSettings, version: number | null, at: string): Promise<boolean> {
  const value = JSON.stringify(settings);
  if (version == null) {
    const done = await db.insertInto('setting').values({ key: keyOf(regionCode), value, version: 1, updatedAt: at })
      .onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
    return done != null;
  }
  const done = await db.updateTable('setting').set({ value, version: version + 1, updatedAt: at })
    .where('key', '=', keyOf(regionCode)).where('version', '=', version).executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Every region that has its own settings (the scheduler's list of offices to serve). */
export async function regionsWithSettings(db: Executor): Promise<{ regionCode: string; settings: ReportSettings }[]> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'like', 'reports:%').execute();
  return rows.map((r) => ({ regionCode: r.key.slice('reports:'.length), settings: { ...DEFAULT_REPORT_SETTINGS, ...parseJson<Partial<ReportSettings>>(r.value, {}) } }));
}
