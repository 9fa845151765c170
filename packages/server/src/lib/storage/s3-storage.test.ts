import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseStorageUrl } from './open-storage';
import { S3Storage, toStorageError, type S3StorageOptions } from './s3-storage';
import { startS3Server, type S3TestServer } from './s3-test-server';
import { randomStream, refusal } from './test-streams';

// What only the S3 store has to get right: its errors, the health check, and the Content-MD5
// older S3-compatible servers demand. The shared contract is in storage.test.ts.

function s3Options(url: string, extra: Partial<S3StorageOptions> = {}): S3StorageOptions {
  const target = parseStorageUrl(url, '/unused', {});
  if (target.kind !== 's3') throw new Error('expected an S3 target');
  const { kind: _kind, ...options } = target;
  return { ...options, ...extra };
}

// Fail fast: one attempt, short timeouts, so the "store is down" tests take milliseconds.
const FAST = { maxAttempts: 1, connectionTimeoutMs: 1000, requestTimeoutMs: 2000, checkTimeoutMs: 2000 };

describe('toStorageError', () => {
  const sdkError = (name: string, status?: number, code?: string) =>
    Object.assign(new Error(name), { name, ...(code ? { code } : {}), ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

  it.each([
    ['NoSuchKey from GetObject', sdkError('NoSuchKey', 404), 'not_found'],
    ['NotFound from HeadObject', sdkError('NotFound', 404), 'not_found'],
    ['InvalidRange', sdkError('InvalidRange', 416), 'bad_request'],
    ['a 500', sdkError('InternalError', 500), 'unavailable'],
    ['a 503 SlowDown', sdkError('SlowDown', 503), 'unavailable'],
    ['a refused connection', sdkError('Error', undefined, 'ECONNREFUSED'), 'unavailable'],
    ['an unknown host', sdkError('Error', undefined, 'ENOTFOUND'), 'unavailable'],
    ['a request timeout', sdkError('TimeoutError', undefined, 'ETIMEDOUT'), 'unavailable'],
  ])('maps %s to %s', (_label, error, code) => {
    const mapped = toStorageError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe(code);
  });

  it.each([
    ['a missing bucket', sdkError('NoSuchBucket', 404)],
    ['refused credentials', sdkError('InvalidAccessKeyId', 403)],
    ['a bad signature', sdkError('SignatureDoesNotMatch', 403)],
  ])('leaves %s as it is: a misconfiguration, a 500 with the cause in the log', (_label, error) => {
    expect(toStorageError(error)).toBe(error);
  });

  it('keeps the cause of an unavailable store for the log, and out of the message', () => {
    const cause = sdkError('Error', undefined, 'ECONNREFUSED');
    const mapped = toStorageError(cause) as AppError;
    expect([mapped.message, mapped.cause]).toEqual(['文件存储暂时不可用，请稍后重试', cause]);
  });
});

describe('S3Storage against s3rver', () => {
  let server: S3TestServer;

  beforeAll(async () => {
    server = await startS3Server();
  });
  afterAll(() => server.close());

  it('sends DeleteObjects with a Content-MD5 of its body and none of the newer checksums', async () => {
    const storage = new S3Storage(s3Options(server.url));
    const seen: Record<string, string>[] = [];
    const bodies: unknown[] = [];
    storage.client.middlewareStack.add((next, context) => (args) => {
      const request = args.request as { headers: Record<string, string>; body: unknown };
      if (context.commandName === 'DeleteObjectsCommand') {
        seen.push({ ...request.headers });
        bodies.push(request.body);
      }
      return next(args);
    }, { step: 'finalizeRequest', priority: 'low', name: 'testSeeHeaders' });
    await storage.putBuffer('p/a', Buffer.from('a'), { contentType: 'text/plain' });
    await storage.deleteMany(['p/a', 'p/missing']);
    expect(await storage.head('p/a')).toBeNull();
    expect(seen).toHaveLength(1);
    const body = bodies[0];
    if (typeof body !== 'string' && !(body instanceof Uint8Array)) throw new Error('expected a string or bytes body');
    expect(seen[0]!['content-md5']).toBe(createHash('md5').update(body).digest('base64'));
    expect(Object.keys(seen[0]!).filter((h) => /checksum/i.test(h))).toEqual([]);
  });

  it('says unavailable for a bucket that does not exist', async () => {
    const storage = new S3Storage(s3Options(server.url, { ...FAST, bucket: 'no-such-bucket' }));
    expect((await refusal(storage.check())).code).toBe('unavailable');
  });

  it('checks fine while the store is up, and says unavailable once it is gone', async () => {
    const own = await startS3Server();
    const storage = new S3Storage(s3Options(own.url, FAST));
    await storage.putBuffer('p/a.jpg', Buffer.from('x'), { contentType: 'image/jpeg' });
    await expect(storage.check()).resolves.toBeUndefined();
    await own.close();
    const started = Date.now();
    const attempts = [
      () => storage.check(),
      () => storage.get('p/a.jpg'),
      () => storage.putBuffer('p/b.jpg', Buffer.from('y'), { contentType: 'image/jpeg' }),
      () => storage.putStream('p/c.jpg', randomStream(1000).stream, { contentType: 'image/jpeg' }),
    ];
    for (const attempt of attempts) {
      expect(await refusal(attempt())).toMatchObject({ code: 'unavailable', status: 503, message: '文件存储暂时不可用，请稍后重试' });
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
