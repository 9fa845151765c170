import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server } from '../../lib/storage/s3-test-server';
import { startHarness, type Harness } from '../../test/harness';

// The health endpoint says "degraded" when the photo store is gone, and "ok" once it is back
// (SECURITY.md reliability 7): a load balancer or an operator can act on it.

describe('health with object storage', () => {
  let h: Harness;
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  beforeAll(async () => {
    s3 = await startS3Server();
    h = await startHarness('sqlite', { storageUrl: s3.url });
  }, 60_000);
  afterAll(() => h.close());

  it('is ok while database and store answer, degraded when the store is down', async () => {
    const ok = await h.request('GET', '/api/v1/health');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok', database: 'sqlite', storage: 's3' });
    await s3.close();
    const down = await h.request('GET', '/api/v1/health');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'degraded', database: 'sqlite', storage: 'unreachable' });
  }, 30_000);
});
