import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway S3 for tests and benchmarks: s3rver (a fake S3 keeping objects in a folder) on
// 127.0.0.1, a free port, a fresh temp folder and one bucket. s3rver accepts the fixed
// credentials S3RVER / S3RVER and checks request signatures with them.
//
// It runs in a child process, for two reasons. s3rver encrypts ListObjectsV2 continuation tokens
// with DES, which OpenSSL 3 (Node 17+) only offers with --openssl-legacy-provider: in-process,
// every listing longer than one page fails with a 500. And a server of its own does not share
// the event loop (s3rver's file access is partly synchronous) with the code being measured.

export interface S3TestServer {
  /** A STORAGE_URL for openStorage: s3://S3RVER:S3RVER@127.0.0.1:PORT/BUCKET?tls=0 */
  url: string;
  bucket: string;
  port: number;
  /** Stops the server and removes its folder; safe to call twice. */
  close(): Promise<void>;
}

// Path-style only (vhostBuckets: false), as the app addresses it. The child exits when its parent
// goes away (the IPC channel closes), so a crashed test run leaves no server behind.
const CHILD = `
const S3rver = require(process.argv[1]);
const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, vhostBuckets: false, configureBuckets: [{ name: bucket }] });
server.run().then((address) => process.send({ port: address.port }), (err) => { console.error(err); process.exit(1); });
process.on('disconnect', () => process.exit(0));
`;

const START_TIMEOUT_MS = 15_000;

export async function startS3Server(options: { bucket?: string } = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'tuijin-test';
  const directory = await mkdtemp(join(tmpdir(), 'tuijin-s3rver-'));
  const s3rverMain = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--no-deprecation', '-e', CHILD, s3rverMain, directory, bucket], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('s3rver did not start in time')), START_TIMEOUT_MS);
      child.once('message', (message: unknown) => {
        clearTimeout(timer);
        const sent = (message as { port?: unknown } | null)?.port;
        if (typeof sent === 'number') resolve(sent);
        else reject(new Error('s3rver sent no port'));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited (${code}) before it started: ${stderr.trim()}`));
      });
    });
  } catch (err) {
    child.kill();
    await rm(directory, { recursive: true, force: true });
    throw err;
  }

  let closing: Promise<void> | null = null;
  return {
    url: `s3://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}?tls=0`,
    bucket,
    port,
    close: () => {
      closing ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill();
          await exited;
        }
        await rm(directory, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
