import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

// Starts the real app (built web + server) on a fresh SQLite data folder with the demo
// county and a known office user, as a newcomer's `npm start -- --demo` would.

const root = join(import.meta.dirname, '..');
const bin = join(root, 'packages/server/bin/tuijin.mjs');
export const E2E_PASSWORD = 'E2e#Office2026';

let server: ChildProcess | null = null;
let dataDir = '';

function cli(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tuijin ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

export async function setup(project: TestProject) {
  dataDir = mkdtempSync(join(tmpdir(), 'tuijin-e2e-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env = { ...process.env, TUIJIN_DATA: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' };
  const demo = cli(['demo'], env);
  // The demo's own accounts, whose passwords it prints once: flows acting as its company's
  // reporter and its department use them (demo_company reports to demo_dept).
  const demoPasswords = Object.fromEntries([...demo.matchAll(/^\s*(demo_\w+)\s+\w+\s+(\S+)\s*$/gm)].map((m) => [m[1]!, m[2]!]));
  for (const [username, role] of [['e2e_office', 'office'], ['e2e_office2', 'office'], ['e2e_viewer', 'viewer']]) {
    cli(['user', 'create', '--username', username!, '--role', role!, '--region', '371499', '--name', `测试${role}`], env, E2E_PASSWORD);
  }
  server = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (i === 99) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('baseUrl', base);
  project.provide('password', E2E_PASSWORD);
  project.provide('demoPasswords', demoPasswords);
}

export async function teardown() {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    password: string;
    demoPasswords: Record<string, string>;
  }
}
