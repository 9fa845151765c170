import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test/harness';

// The built web app as the server gives it: client-side routes get the app shell, the build's
// files are files, and a file the build does not have is a 404 (a page left open across an
// upgrade asks for the old build's scripts: it must not be handed HTML as script).

describe('the web app shell', () => {
  let h: Harness;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'tuijin-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>推进</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    h = await startHarness('sqlite', { webDist: dist });
  });
  afterAll(() => h.close());

  it('serves the shell for client routes and the build files as they are', async () => {
    for (const url of ['/', '/projects/12', '/meetings?tab=actions']) {
      const res = await h.request('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
    }
    const script = await h.request('GET', '/assets/index-abc123.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
  });

  it('answers 404 for a file the build does not have, and for an unknown API', async () => {
    const old = await h.request('GET', '/assets/index-old999.js');
    expect(old.statusCode).toBe(404);
    expect(old.body).toContain('文件不存在');
    const api = await h.request('GET', '/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.message).toBe('接口不存在');
  });
});
