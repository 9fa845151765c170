import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskStorage } from './disk-storage';
import { S3Storage, type S3StorageOptions } from './s3-storage';
import type { Storage } from './storage';

// STORAGE_URL picks the store:
//   (unset)                                        a folder: <dataDir>/objects
//   file:///var/lib/tuijin/objects                 a folder elsewhere
//   s3://ACCESS:SECRET@host:9000/bucket?region=cn-north-1&tls=0
//   http(s)://ACCESS:SECRET@host:9000/bucket       the same, the scheme saying http or https
// Credentials may be percent-encoded in the URL (a '/' in a secret is %2F), or left out of it and
// given as STORAGE_ACCESS_KEY / STORAGE_SECRET_KEY. No message here repeats the URL: it may hold
// the secret, and these messages reach the log (SECURITY.md 17).

export interface StorageEnv {
  STORAGE_ACCESS_KEY?: string;
  STORAGE_SECRET_KEY?: string;
}

export type StorageTarget = { kind: 'disk'; root: string } | ({ kind: 's3' } & Required<Pick<S3StorageOptions, 'endpoint' | 'bucket' | 'region' | 'accessKeyId' | 'secretAccessKey'>>);

const FORMS = 'file:///绝对路径、s3://访问密钥:秘密密钥@主机:端口/存储桶 或 https://访问密钥:秘密密钥@主机:端口/存储桶';
// The rules of S3, MinIO, Ceph and OSS alike.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{1,64}$/;

const fail = (message: string): never => {
  throw new Error(message);
};

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return fail(`STORAGE_URL 中的${what}含有无法解析的 % 编码`);
  }
}

function parseS3(url: URL, env: StorageEnv): StorageTarget {
  const params = new Map(url.searchParams);
  const unknown = [...params.keys()].filter((k) => k !== 'region' && k !== 'tls');
  if (unknown.length > 0) fail(`STORAGE_URL 含有不认识的参数：${unknown.join('、')}（可用 region、tls）`);
  const tls = params.get('tls');
  if (url.protocol !== 's3:' && tls !== undefined) fail('STORAGE_URL 已用 http: 或 https: 指明协议，不能再设 tls 参数');
  if (tls !== undefined && tls !== '0' && tls !== '1') fail('STORAGE_URL 的 tls 参数只能是 0 或 1');
  const scheme = url.protocol === 's3:' ? (tls === '0' ? 'http' : 'https') : url.protocol.slice(0, -1);

  if (!url.hostname) fail('STORAGE_URL 缺少存储服务的主机名');
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length === 0) fail('STORAGE_URL 缺少存储桶名称');
  if (segments.length > 1) fail('STORAGE_URL 只能写一个存储桶名称，不支持桶下的子路径');
  const bucket = decode(segments[0]!, '存储桶名称');
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
    fail(`STORAGE_URL 的存储桶名称“${bucket}”不合法：须为 3–63 位小写字母、数字、点或连字符，以字母或数字开头和结尾`);
  }
  const region = params.get('region') ?? 'us-east-1';
  if (!REGION.test(region)) fail('STORAGE_URL 的 region 参数不合法（例如 cn-north-1）');

  const accessKeyId = decode(url.username, '访问密钥') || env.STORAGE_ACCESS_KEY || '';
  const secretAccessKey = decode(url.password, '秘密密钥') || env.STORAGE_SECRET_KEY || '';
  if (!accessKeyId) fail('STORAGE_URL 缺少访问密钥：写在地址中（s3://访问密钥:秘密密钥@…），或设置 STORAGE_ACCESS_KEY');
  if (!secretAccessKey) fail('STORAGE_URL 缺少秘密密钥：写在地址中（s3://访问密钥:秘密密钥@…），或设置 STORAGE_SECRET_KEY');

  // url.host keeps an IPv6 address's brackets and drops a default port.
  return { kind: 's3', endpoint: `${scheme}://${url.host}`, bucket, region, accessKeyId, secretAccessKey };
}

/** Where STORAGE_URL points, checked; throws an Error naming what is wrong. Pure, for the tests and `tuijin` diagnostics. */
export function parseStorageUrl(url: string | undefined, dataDir: string, env: StorageEnv = {}): StorageTarget {
  const text = url?.trim();
  if (!text) return { kind: 'disk', root: join(dataDir, 'objects') };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return fail(`STORAGE_URL 格式不正确，应为 ${FORMS}`);
  }
  switch (parsed.protocol) {
    case 'file:': {
      if (parsed.hostname && parsed.hostname !== 'localhost') fail('STORAGE_URL 的 file: 地址只能指向本机路径，如 file:///var/lib/tuijin/objects');
      if (parsed.search) fail('STORAGE_URL 的 file: 地址不接受参数');
      let root = '';
      try {
        root = fileURLToPath(parsed);
      } catch {
        fail('STORAGE_URL 的 file: 地址不是合法的本机路径');
      }
      if (root.replace(/[\\/]+$/, '') === '') fail('STORAGE_URL 的 file: 地址不能是根目录');
      return { kind: 'disk', root };
    }
    case 's3:':
    case 'http:':
    case 'https:':
      return parseS3(parsed, env);
    default:
      return fail(`STORAGE_URL 的协议 ${parsed.protocol} 不受支持，应为 ${FORMS}`);
  }
}

/** The store STORAGE_URL names (undefined or empty: a folder under the data directory). */
export function openStorage(url: string | undefined, dataDir: string, env: StorageEnv = process.env): Storage {
  const target = parseStorageUrl(url, dataDir, env);
  if (target.kind === 'disk') return new DiskStorage(target.root);
  const { kind: _kind, ...options } = target;
  return new S3Storage(options);
}

/** A line for the startup log: where the objects go, never the credentials. */
export function describeStorage(storage: Storage): string {
  if (storage instanceof DiskStorage) return `disk ${storage.root}`;
  if (storage instanceof S3Storage) return `s3 ${storage.endpoint}/${storage.bucket} (region ${storage.region})`;
  return storage.kind;
}
