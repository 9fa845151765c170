import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskStorage } from './disk-storage';
import { describeStorage, openStorage, parseStorageUrl, type StorageEnv } from './open-storage';
import { S3Storage } from './s3-storage';

const DATA = '/var/lib/tuijin';
const s3 = (endpoint: string, bucket: string, extra: Partial<{ region: string; accessKeyId: string; secretAccessKey: string }> = {}) => ({
  kind: 's3', endpoint, bucket, region: 'us-east-1', accessKeyId: 'AK', secretAccessKey: 'SK', ...extra,
});

describe('parseStorageUrl', () => {
  it.each<[string, string | undefined, unknown, StorageEnv?]>([
    ['unset', undefined, { kind: 'disk', root: join(DATA, 'objects') }],
    ['empty', '', { kind: 'disk', root: join(DATA, 'objects') }],
    ['blank', '  ', { kind: 'disk', root: join(DATA, 'objects') }],
    ['a folder', 'file:///srv/tuijin/objects', { kind: 'disk', root: '/srv/tuijin/objects' }],
    ['a folder on localhost, percent-encoded', 'file://localhost/srv/%E7%85%A7%E7%89%87', { kind: 'disk', root: '/srv/照片' }],
    ['s3 over TLS by default', 's3://AK:SK@minio.example.gov.cn:9000/tuijin', s3('https://minio.example.gov.cn:9000', 'tuijin')],
    ['s3 with tls=0 and a region', 's3://AK:SK@10.1.2.3:9000/tuijin?region=cn-north-1&tls=0', s3('http://10.1.2.3:9000', 'tuijin', { region: 'cn-north-1' })],
    ['s3 with tls=1 and no port', 's3://AK:SK@oss-cn-hangzhou.aliyuncs.com/tuijin-photos/?tls=1', s3('https://oss-cn-hangzhou.aliyuncs.com', 'tuijin-photos')],
    ['http', 'http://AK:SK@127.0.0.1:9000/tuijin', s3('http://127.0.0.1:9000', 'tuijin')],
    ['https with a region', 'https://AK:SK@ceph.local/tuijin?region=zone-1', s3('https://ceph.local', 'tuijin', { region: 'zone-1' })],
    ['IPv6', 's3://AK:SK@[::1]:9000/tuijin?tls=0', s3('http://[::1]:9000', 'tuijin')],
    ['percent-encoded credentials', 's3://A%2BK:S%2FK%40%3A1@host/tuijin', s3('https://host', 'tuijin', { accessKeyId: 'A+K', secretAccessKey: 'S/K@:1' })],
    ['credentials from the environment', 's3://host:9000/tuijin', s3('https://host:9000', 'tuijin', { accessKeyId: 'EAK', secretAccessKey: 'ESK' }), { STORAGE_ACCESS_KEY: 'EAK', STORAGE_SECRET_KEY: 'ESK' }],
    ['the URL before the environment', 's3://AK:SK@host/tuijin', s3('https://host', 'tuijin'), { STORAGE_ACCESS_KEY: 'EAK', STORAGE_SECRET_KEY: 'ESK' }],
  ])('reads %s', (_label, url, expected, env = {}) => {
    expect(parseStorageUrl(url, DATA, env)).toEqual(expected);
  });

  it.each([
    ['not a URL', 'minio 9000/tuijin', 'STORAGE_URL 格式不正确，应为 file:///绝对路径、s3://访问密钥:秘密密钥@主机:端口/存储桶 或 https://访问密钥:秘密密钥@主机:端口/存储桶'],
    ['an unknown scheme', 'ftp://AK:SK@host/tuijin', 'STORAGE_URL 的协议 ftp: 不受支持，应为 file:///绝对路径、s3://访问密钥:秘密密钥@主机:端口/存储桶 或 https://访问密钥:秘密密钥@主机:端口/存储桶'],
    ['a file URL on another host', 'file://nas/share/objects', 'STORAGE_URL 的 file: 地址只能指向本机路径，如 file:///var/lib/tuijin/objects'],
    ['a file URL with parameters', 'file:///srv/objects?tls=0', 'STORAGE_URL 的 file: 地址不接受参数'],
    ['a file URL at the file system root', 'file:///', 'STORAGE_URL 的 file: 地址不能是根目录'],
    ['an encoded slash in a file path', 'file:///srv/a%2Fb', 'STORAGE_URL 的 file: 地址不是合法的本机路径'],
    ['no bucket', 's3://AK:SK@host:9000', 'STORAGE_URL 缺少存储桶名称'],
    ['no bucket, only a slash', 's3://AK:SK@host:9000/', 'STORAGE_URL 缺少存储桶名称'],
    ['a path below the bucket', 's3://AK:SK@host:9000/tuijin/photos', 'STORAGE_URL 只能写一个存储桶名称，不支持桶下的子路径'],
    ['an invalid bucket name', 's3://AK:SK@host/Tuijin_Photos', 'STORAGE_URL 的存储桶名称“Tuijin_Photos”不合法：须为 3–63 位小写字母、数字、点或连字符，以字母或数字开头和结尾'],
    ['a two-letter bucket name', 's3://AK:SK@host/tj', 'STORAGE_URL 的存储桶名称“tj”不合法：须为 3–63 位小写字母、数字、点或连字符，以字母或数字开头和结尾'],
    ['no host', 's3:///tuijin', 'STORAGE_URL 缺少存储服务的主机名'],
    ['tls neither 0 nor 1', 's3://AK:SK@host/tuijin?tls=false', 'STORAGE_URL 的 tls 参数只能是 0 或 1'],
    ['tls on an http URL', 'http://AK:SK@host/tuijin?tls=1', 'STORAGE_URL 已用 http: 或 https: 指明协议，不能再设 tls 参数'],
    ['a misspelt parameter', 's3://AK:SK@host/tuijin?tsl=0&regoin=x', 'STORAGE_URL 含有不认识的参数：tsl、regoin（可用 region、tls）'],
    ['an invalid region', 's3://AK:SK@host/tuijin?region=CN%20North', 'STORAGE_URL 的 region 参数不合法（例如 cn-north-1）'],
    ['no access key', 's3://host/tuijin', 'STORAGE_URL 缺少访问密钥：写在地址中（s3://访问密钥:秘密密钥@…），或设置 STORAGE_ACCESS_KEY'],
    ['no secret key', 's3://AK@host/tuijin', 'STORAGE_URL 缺少秘密密钥：写在地址中（s3://访问密钥:秘密密钥@…），或设置 STORAGE_SECRET_KEY'],
    ['a broken percent-encoding', 's3://AK:S%ZZK@host/tuijin', 'STORAGE_URL 中的秘密密钥含有无法解析的 % 编码'],
  ])('refuses %s, naming what is wrong', (_label, url, message) => {
    expect(() => parseStorageUrl(url, DATA, {})).toThrow(new Error(message));
  });

  it('never repeats the secret in a message', () => {
    for (const url of ['s3://AK:TOPSECRET@host/tuijin?tls=2', 's3://AK:TOPSECRET@host/x', 'ftp://AK:TOPSECRET@host/tuijin', 's3://AK:TOPSECRET@host/a/b']) {
      expect(() => parseStorageUrl(url, DATA, {})).toThrow();
      try {
        parseStorageUrl(url, DATA, {});
      } catch (err) {
        expect((err as Error).message).not.toContain('TOPSECRET');
      }
    }
  });
});

describe('openStorage', () => {
  it('opens a folder by default and S3 when the URL says so; the description names no secret', () => {
    const disk = openStorage(undefined, DATA, {});
    expect(disk).toBeInstanceOf(DiskStorage);
    expect(describeStorage(disk)).toBe(`disk ${join(DATA, 'objects')}`);
    const remote = openStorage('s3://AK:TOPSECRET@10.1.2.3:9000/tuijin?region=cn-north-1&tls=0', DATA, {});
    expect(remote).toBeInstanceOf(S3Storage);
    expect(remote.kind).toBe('s3');
    expect(describeStorage(remote)).toBe('s3 http://10.1.2.3:9000/tuijin (region cn-north-1)');
  });
});
