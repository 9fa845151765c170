import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { PROFILES, type Config } from '../config';
import { openDatabase, type DialectName } from '../db/kysely';
import { migrateToLatest } from '../db/migrate';
import { FakeClock } from '../lib/clock';
import type { AppContext } from '../lib/context';

// The real app on a real database for each test file: SQLite always, PostgreSQL as well
// when DATABASE_URL is set. Each harness has a database of its own (a temp SQLite file or
// a freshly created PostgreSQL database), so tests never see each other's rows.

export const DIALECTS: DialectName[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface Harness {
  app: FastifyInstance;
  ctx: AppContext;
  clock: FakeClock;
  dialect: DialectName;
  request(method: string, url: string, options?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new URL(process.env.DATABASE_URL!);
  const name = `tuijin_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      // The app's pool reports closed before its connections are gone: wait for them
      // rather than cut them off (which the app would log as a dropped connection).
      for (let i = 0; ; i++) {
        try {
          await c.query(`drop database if exists ${name}${i >= 40 ? ' with (force)' : ''}`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || i > 40) throw err;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      await c.end();
    },
  };
}

export async function startHarness(dialect: DialectName, overrides: Partial<Config> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tuijin-test-'));
  const pgDb = dialect === 'postgres' ? await createPgDatabase() : null;
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir: dir, databaseUrl: pgDb?.url, sqliteFile: join(dir, 'test.sqlite'),
    dataKey: randomBytes(32).toString('base64'), keyFile: join(dir, 'key'), profile: PROFILES.level3,
    secureCookies: false, bodyLimit: 1024 * 1024, trustProxy: false, ...overrides,
  };
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile, poolSize: 4 });
  await migrateToLatest(database.db);
  const clock = new FakeClock('2026-06-15T02:00:00Z');
  // A cheap scrypt cost keeps tests fast; the parameters travel with each hash.
  const { app, ctx } = await buildApp({ config, database, clock, scryptCost: { N: 1024, r: 8, p: 1 } });
  return {
    app, ctx, clock, dialect,
    request: (method, url, options = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(method === 'GET' ? {} : { 'x-requested-with': 'tuijin' }),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      }),
    close: async () => {
      await app.close();
      await database.close();
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
