import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-imports';
import * as m0003 from './migrations/0003-monthly-reports';
import * as m0004 from './migrations/0004-supervision';
import * as m0005inspections from './migrations/0005-inspections';
import * as m0005meetings from './migrations/0005-meetings';
import * as m0005obstacles from './migrations/0005-obstacles';
import * as m0005warnings from './migrations/0005-warnings';
import * as m0006assessment from './migrations/0006-assessment';
import * as m0006annualSummary from './migrations/0006-annual-summary';
import * as m0006bulletins from './migrations/0006-bulletins';

// Migrations are listed here, in order, so they ship inside the bundle with no file scanning.
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-imports': m0002,
  '0003-monthly-reports': m0003,
  '0004-supervision': m0004,
  '0005-inspections': m0005inspections,
  '0005-meetings': m0005meetings,
  '0005-obstacles': m0005obstacles,
  '0005-warnings': m0005warnings,
  '0006-assessment': m0006assessment,
  '0006-annual-summary': m0006annualSummary,
  '0006-bulletins': m0006bulletins,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
