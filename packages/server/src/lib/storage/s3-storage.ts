import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand,
  ListObjectsV2Command, PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AppError } from '../errors';
import {
  assertKey, assertPrefix, assertRange, ByteCounter, isValidKey, objectNotFound, storageUnavailable,
  type ByteRange, type ObjectInfo, type PutStreamOptions, type ReadResult, type Storage,
} from './storage';

// Any S3-compatible store (MinIO, Ceph, Aliyun OSS, s3rver in tests) through the AWS SDK, with
// path-style addressing (most on-premises stores have no wildcard DNS for bucket subdomains).

export interface S3StorageOptions {
  /** Scheme, host and port only, e.g. 'http://10.0.0.5:9000'. */
  endpoint: string;
  bucket: string;
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys per ListObjectsV2 page (S3 caps it at 1000); tests make it small to exercise paging. */
  pageSize?: number;
  connectionTimeoutMs?: number;
  /** From sending a request to the response's headers (an 8 MB part included). */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  /** How long check() waits before calling the store unreachable. */
  checkTimeoutMs?: number;
}

const PART_SIZE = 8 * 1024 * 1024;
const DELETE_BATCH = 1000;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

interface ErrorFacts {
  name?: string;
  status?: number;
  code?: string;
}

function factsOf(err: unknown): ErrorFacts {
  if (typeof err !== 'object' || err === null) return {};
  const e = err as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const status = e.$metadata?.httpStatusCode;
  return {
    name: typeof e.name === 'string' ? e.name : undefined,
    status: typeof status === 'number' ? status : undefined,
    code: typeof e.code === 'string' ? e.code : undefined,
  };
}

/** SDK errors as the app's: a missing object is a 404, an unreachable or failing store a 503. Anything else (a wrong key or bucket: a misconfiguration) stays as it is, a 500 with the cause in the log. */
export function toStorageError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const { name, status, code } = factsOf(err);
  if (name === 'NoSuchKey' || (status === 404 && name !== 'NoSuchBucket')) return objectNotFound();
  if (name === 'InvalidRange' || status === 416) return new AppError('bad_request', '请求的字节范围超出文件大小');
  const isUnreachable = (code !== undefined && UNREACHABLE.has(code)) || name === 'TimeoutError' || name === 'AbortError';
  if (isUnreachable || (status !== undefined && (status >= 500 || status === 429))) return storageUnavailable(err);
  return err;
}

async function guard<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    throw toStorageError(err);
  }
}

/** "bytes 0-99/1234" → 1234 */
function totalFromContentRange(contentRange: string | undefined): number | null {
  const match = /\/(\d+)\s*$/.exec(contentRange ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * The SDK now sends a CRC32 checksum where S3 demands one; older MinIO, Ceph and OSS only know
 * Content-MD5, and DeleteObjects is the one call that demands it (aws-sdk-js-v3
 * supplemental-docs/MD5_FALLBACK.md). Runs after the SDK's checksum step, before signing.
 */
function withContentMd5(command: DeleteObjectsCommand): DeleteObjectsCommand {
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      if (request.headers && (typeof request.body === 'string' || request.body instanceof Uint8Array)) {
        for (const name of Object.keys(request.headers)) {
          if (/^x-amz-(sdk-)?checksum-/i.test(name)) delete request.headers[name];
        }
        request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
      }
      return next(args);
    },
    { step: 'build', priority: 'low', name: 'tuijinContentMd5' },
  );
  return command;
}

export class S3Storage implements Storage {
  readonly kind = 's3';
  readonly client: S3Client;
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  private readonly pageSize: number;
  private readonly checkTimeoutMs: number;

  constructor(options: S3StorageOptions) {
    this.endpoint = options.endpoint;
    this.bucket = options.bucket;
    this.region = options.region ?? 'us-east-1';
    this.pageSize = options.pageSize ?? 1000;
    this.checkTimeoutMs = options.checkTimeoutMs ?? 5000;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: this.region,
      forcePathStyle: true,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Older S3-compatible servers reject the SDK's new default checksums (CRC32 on every upload).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: options.maxAttempts ?? 3,
      // Options rather than a NodeHttpHandler instance: the SDK builds its own handler from them,
      // so the server needs no direct dependency on @smithy/node-http-handler.
      requestHandler: {
        connectionTimeout: options.connectionTimeoutMs ?? 5000,
        requestTimeout: options.requestTimeoutMs ?? 60_000,
        throwOnRequestTimeout: true,
      },
    });
  }

  async putStream(key: string, body: Readable, options: PutStreamOptions): Promise<number> {
    assertKey(key);
    const counter = new ByteCounter(options.maxBytes);
    // Errors surface through the counter (the upload reads it) and are judged below.
    pipeline(body, counter).catch(() => {});
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counter, ContentType: options.contentType },
      // Multipart in 8 MB parts, two in flight: a 500 MB video never sits in memory whole. An
      // unfinished multipart upload creates no object, so an aborted write leaves nothing at the key.
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      // Judge before destroying: a source failure or the 413 is what the caller must hear, not
      // the store's answer to the abort (s3rver, for one, has no AbortMultipartUpload).
      const failure = counter.failure;
      counter.destroy();
      throw failure ?? toStorageError(err);
    }
    return counter.bytes;
  }

  putFile(key: string, file: string, options: { contentType: string }): Promise<number> {
    assertKey(key);
    return this.putStream(key, createReadStream(file), options);
  }

  async putBuffer(key: string, data: Buffer, options: { contentType: string }): Promise<void> {
    assertKey(key);
    await guard(this.client.send(new PutObjectCommand({
      Bucket: this.bucket, Key: key, Body: data, ContentLength: data.length, ContentType: options.contentType,
    })));
  }

  async get(key: string, range?: ByteRange): Promise<ReadResult> {
    assertKey(key);
    if (range) assertRange(range);
    const out = await guard(this.client.send(new GetObjectCommand({
      Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined,
    })));
    if (!(out.Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body');
    const size = out.ContentLength ?? 0;
    return { stream: out.Body, size, totalSize: totalFromContentRange(out.ContentRange) ?? size, contentType: out.ContentType ?? null };
  }

  async head(key: string): Promise<{ size: number; lastModified: Date } | null> {
    assertKey(key);
    try {
      const out = await guard(this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })));
      return { size: out.ContentLength ?? 0, lastModified: out.LastModified ?? new Date(0) };
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    try {
      await guard(this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
    } catch (err) {
      // S3 answers 204 for a missing key; some compatible stores answer 404.
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
    }
  }

  async deleteMany(keys: string[]): Promise<void> {
    keys.forEach(assertKey);
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const out = await guard(this.client.send(withContentMd5(new DeleteObjectsCommand({
        Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
      }))));
      const failed = (out.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length > 0) {
        throw new Error(`S3 DeleteObjects failed for ${failed.length} key(s), first ${failed[0]?.Key}: ${failed[0]?.Code} ${failed[0]?.Message}`);
      }
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertPrefix(prefix);
    let token: string | undefined;
    do {
      const page = await guard(this.client.send(new ListObjectsV2Command({
        Bucket: this.bucket, Prefix: prefix || undefined, ContinuationToken: token, MaxKeys: this.pageSize,
      })));
      for (const object of page.Contents ?? []) {
        // Objects someone else put in the bucket under names this layer could not write are not ours.
        if (object.Key === undefined || !isValidKey(object.Key)) continue;
        yield { key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async check(): Promise<void> {
    try {
      // A one-key listing rather than HeadBucket: it needs only the permission `list` needs
      // anyway, and every S3-compatible store answers it.
      await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, MaxKeys: 1 }), { abortSignal: AbortSignal.timeout(this.checkTimeoutMs) });
    } catch (err) {
      // For the health endpoint a missing bucket or refused credentials are "down" as much as a dead host.
      throw storageUnavailable(err);
    }
  }
}
