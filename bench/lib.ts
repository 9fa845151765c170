import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';

// Small tools shared by the benchmarks: a server child process, an HTTP client with
// keep-alive, timing and percentiles, and the server's peak memory from /proc.

export const ROOT = join(import.meta.dirname, '..');

export function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'packages/server/bin/tuijin.mjs'), 'start'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Never leave a server behind if the benchmark itself fails.
  process.once('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = () => {
      http.get(`http://127.0.0.1:${port}/api/v1/health`, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(child);
        else setTimeout(poll, 200);
      }).on('error', () => (Date.now() > deadline ? reject(new Error('server did not start')) : setTimeout(poll, 200)));
    };
    poll();
  });
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function request(port: number, method: string, path: string, options: { cookie?: string; body?: unknown } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(payload ? { 'content-type': 'application/json', 'x-requested-with': 'tuijin' } : {}),
      } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
}

export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Peak resident memory of a process in MB (VmHWM), Linux only. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}
