import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasUnzip, readWithPython, unzipTest } from '../../lib/documents/test-zips';
import { inspectZip } from '../../lib/documents/zip-guard';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { esc } from './html';
import { archiveToFile } from './service';
import { archiveMonth, XSS, type ArchiveMonth } from './test-month';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, by its path relative to it. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [relative(base, full).split('\\').join('/')];
  });
}

interface Manifest {
  generator: { name: string; version: string };
  region: { code: string; name: string };
  period: { period: string; deadline: string };
  counts: Record<string, number>;
  files: { path: string; size: number; sha256: string }[];
  media: { id: number; sha256: string; kind: string; path: string | null; posterPath: string | null; originalPath: string | null; missing: string[] }[];
  problems: string[];
}

describe.each(DIALECTS)('the month archive on %s', (dialect) => {
  let h: Harness;
  let m: ArchiveMonth;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    m = await archiveMonth(h);
    dir = mkdtempSync(join(tmpdir(), 'archive-test-'));
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Builds the archive and unpacks it with Python's zipfile (CRCs checked). */
  async function unpack(name: string, options: { originals?: boolean } = {}) {
    const file = join(dir, `${name}.zip`);
    const result = await archiveToFile(h.ctx, m.period.id, file, options);
    const into = join(dir, name);
    const entries = readWithPython(file, into);
    const read = (path: string) => readFileSync(join(into, path));
    const manifest = JSON.parse(read('manifest.json').toString('utf8')) as Manifest;
    return { file, result, into, entries, read, manifest };
  }

  let built: Awaited<ReturnType<typeof unpack>>;
  beforeAll(async () => {
    built = await unpack('plain');
  });

  it('writes one zip that Python, unzip and our own reader open, with every file in the manifest and SHA256SUMS', async () => {
    const { file, result, into, entries, read, manifest } = built;
    const buf = readFileSync(file);
    expect(result).toMatchObject({ size: buf.length, sha256: sha256(buf), files: entries.length });
    expect(inspectZip(buf, { maxEntries: 10_000, maxInflatedBytes: 2 ** 32, maxEntryRatio: 1e6, ratioFloorBytes: 0 })).toHaveLength(entries.length);
    if (hasUnzip) expect(unzipTest(file)).toBeNull();

    const onDisk = walk(into).sort();
    expect(onDisk).toEqual(entries.map((e) => e.name).sort());
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk.filter((p) => p !== 'manifest.json' && p !== 'SHA256SUMS').sort());
    for (const f of manifest.files) expect([f.path, read(f.path).length, sha256(read(f.path))]).toEqual([f.path, f.size, f.sha256]);
    const sums = read('SHA256SUMS').toString('utf8').trim().split('\n').map((l) => l.split('  ') as [string, string]);
    expect(sums.map(([, p]) => p).sort()).toEqual(onDisk.filter((p) => p !== 'SHA256SUMS').sort());
    for (const [sum, path] of sums) expect(sha256(read(path)), path).toBe(sum);
    const check = spawnSync('sha256sum', ['--strict', '-c', 'SHA256SUMS'], { cwd: into, encoding: 'utf8' });
    if (!check.error) expect(check.status, check.stdout + check.stderr).toBe(0);

    expect(manifest).toMatchObject({ generator: { name: 'tuijin' }, region: { code: m.c.region, name: '测试县' }, period: { period: '2026-05', deadline: '2026-06-20' } });
    expect(manifest.counts).toMatchObject({ total: 3, approved: 1, submitted: 1, draft: 1, notStarted: 0, late: 1, missing: 1 });
    // Every photo and video of the month with its original's sum, originals included or not.
    expect(manifest.media.map((x) => [x.id, x.sha256]).sort()).toEqual(m.media.map((x) => [x.id, x.sha256]).sort());
    expect(manifest.problems).toEqual([]);
  });

  it('opens with no server: a Chinese contents page listing every project of the county, and nothing else', async () => {
    const { read } = built;
    const index = read('index.html').toString('utf8');
    expect(index).toContain('<title>测试县重点项目 2026年5月 月报归档</title>');
    for (const p of Object.values(m.projects)) expect(index).toContain(esc(p.name));
    expect(index).not.toContain(m.farProject.name);
    expect(index).not.toMatch(/http|\/api\//i);
    expect(index).not.toContain('<仓储>');
    // Late and missing are named; figures are 万元 with two decimals.
    expect(index).toMatch(/逾期报送（1）[\s\S]*城北物流园\/二期 &lt;仓储&gt;/);
    expect(index).toMatch(/未报送（1）[\s\S]*高新区标准化厂房/);
    expect(index).toContain('800.00');
    expect(index).toContain('9,000.00');
    // A draft's figures are neither shown nor added up; the total is of the reports sent.
    expect(index).not.toContain('777.00');
    expect(index).toContain('<th class="num">900.00</th>');
    // Every link on the page leads to a file in the archive.
    for (const [, href] of index.matchAll(/href="([^"]+)"/g)) {
      expect(existsSync(join(built.into, decodeURIComponent(href!.replaceAll('&amp;', '&')))), href).toBe(true);
    }
  });

  it('gives each project a printable page with its report, history and photos, everything user-written escaped', async () => {
    const { read, manifest, into } = built;
    const folders = walk(join(into, 'projects')).map((p) => p.split('/')[0]!);
    // In the ledger's order (largest investment first); a '/' in a name never makes a folder.
    expect([...new Set(folders)].sort()).toEqual(['001-城南污水处理厂', '002-城北物流园_二期 _仓储_', '003-高新区标准化厂房']);
    const main = manifest.files.find((f) => f.path.endsWith('城南污水处理厂/index.html'))!.path;
    const page = read(main).toString('utf8');
    expect(page).toContain('@page{size:A4');
    expect(page).toContain(esc(XSS));
    expect(page).not.toContain(XSS);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('同意。&lt;b&gt;注意&lt;/b&gt;安全');
    expect(page).toContain('二期用地指标未落实 &amp; 待协调');
    for (const words of ['800.00', '3,000.00', '9,000.00', '企业自筹', '主体结构施工至三层', '主体封顶', '协调供电', '东南角塔吊', '2026-05-28 11:15', '经度 116.360100，纬度 37.440200', '✗', '距项目位置 3.2 公里', '?', '已审核', '按期报送']) {
      expect(page, words).toContain(words);
    }
    expect(page).toMatch(/报送[\s\S]*审核通过/);
    const draft = read(manifest.files.find((f) => f.path.endsWith('高新区标准化厂房/index.html'))!.path).toString('utf8');
    expect(draft).toContain('尚未报送，以下为填报单位保存的草稿');
    expect(page).not.toMatch(/http|\/api\//i);
    for (const [, src] of page.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect(existsSync(join(into, main, '..', decodeURIComponent(src!))), src).toBe(true);
    }
  });

  it('holds the display photos byte for byte, each video as uploaded with its poster, and no originals unless asked', async () => {
    const { read, manifest, into } = built;
    for (const x of m.media) {
      const entry = manifest.media.find((e) => e.id === x.id)!;
      if (x.kind === 'video') {
        expect(read(entry.path!).equals(m.objects.get(x.originalKey)!)).toBe(true);
        expect(read(entry.posterPath!).equals(m.objects.get(x.displayKey!)!)).toBe(true);
        expect(entry.path).toMatch(/\/photos\/3-现场航拍\.mp4$/);
      } else {
        expect(entry.path).toMatch(/\/photos\/\d-[^/]+\.jpg$/);
        expect(read(entry.path!).equals(m.objects.get(x.displayKey!)!)).toBe(true);
        expect(entry.originalPath).toBeNull();
      }
    }
    expect(walk(into).some((p) => p.includes('/originals/'))).toBe(false);

    const full = await unpack('originals', { originals: true });
    for (const x of m.media.filter((y) => y.kind === 'photo')) {
      const entry = full.manifest.media.find((e) => e.id === x.id)!;
      expect(entry.originalPath).toMatch(/\/originals\/\d-[^/]+\.jpg$/);
      expect(full.read(entry.originalPath!).equals(m.objects.get(x.originalKey)!)).toBe(true);
    }
  });

  it('carries the printed ledger of the county and year', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(built.read('ledger.xlsx') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('2026年台账');
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('测试县2026年重点项目台账');
    for (const p of Object.values(m.projects)) expect(cells).toContain(p.name);
    expect(cells).not.toContain(m.farProject.name);
  });

  it('refuses a period that does not exist, leaving no file behind', async () => {
    const file = join(dir, 'none.zip');
    await expect(archiveToFile(h.ctx, 999_999, file)).rejects.toThrow('报期不存在');
    expect(existsSync(file)).toBe(false);
  });

  it('notes a file the store no longer has instead of failing the month', async () => {
    const lost = m.media.find((x) => x.kind === 'photo')!;
    await h.ctx.storage.delete(lost.displayKey!);
    try {
      const { manifest, read } = await unpack('lost');
      expect(manifest.media.find((e) => e.id === lost.id)).toMatchObject({ path: null, missing: ['显示图'] });
      expect(manifest.problems).toEqual([expect.stringContaining('显示图在存储中找不到')]);
      expect(read('index.html').toString('utf8')).toContain('归档时发现的问题（1）');
    } finally {
      await h.ctx.storage.putBuffer(lost.displayKey!, m.objects.get(lost.displayKey!)!, { contentType: 'image/jpeg' });
    }
  });
});
