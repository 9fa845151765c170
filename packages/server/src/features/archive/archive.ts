import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { ledgerQuery, type CheckStatus } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { createZipStream, type AddFileOptions } from '../../lib/documents/zip-stream';
import { systemUser } from '../../lib/system-user';
import { countPeriodReports } from '../periods/present';
import { exportLedger } from '../projects/ledger-export';
import { archiveMedia, type ArchiveFile, type MediaRecord } from './archive-media';
import { renderIndexPage, type IndexRow } from './index-page';
import { numberedSegment } from './paths';
import { renderProjectPage } from './project-page';
import { archivedPunctuality, findArchivePeriod, listArchiveReports, loadReportDetails, type ArchivePeriod } from './queries';

// 月度归档: what the office used to burn to CD each month, as one .zip that opens anywhere
// without the system — a contents page, a printable page per project with its photos, the
// ledger as printed, and a manifest with SHA-256 sums so the copy can be checked years later.
// Everything streams into `out`: photo bytes go from the store straight into the zip.

export interface ArchiveOptions {
  /** Also the untouched originals (with their EXIF and GPS), under each project's originals/. */
  originals?: boolean;
}

const BATCH = 50;

function generatorVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
const GENERATOR = { name: 'tuijin', version: generatorVersion() };

/** The period's own office, as the system: it sees what that office sees (and no more). */
export function periodOffice(period: Pick<ArchivePeriod, 'regionCode' | 'regionName'>): SessionUser {
  return { ...systemUser('office', period.regionCode), regionName: period.regionName };
}

export async function buildPeriodArchive(ctx: AppContext, periodId: number, out: Writable, options: ArchiveOptions = {}): Promise<{ files: number; bytes: number }> {
  const period = await findArchivePeriod(ctx.db, periodId);
  if (!period) throw notFound('报期');
  const now = ctx.clock.now();
  const office = periodOffice(period);
  const zip = createZipStream(out);
  const files: ArchiveFile[] = [];
  const add = async (path: string, source: Parameters<typeof zip.addFile>[1], opts: AddFileOptions) => {
    const r = await zip.addFile(path, source, { modified: now, ...opts });
    files.push({ path, size: r.size, sha256: r.sha256 });
    return r;
  };
  try {
    const reports = await listArchiveReports(ctx.db, office, period.id);
    const counts = await countPeriodReports(ctx.db, office, period, now);
    const width = Math.max(3, String(reports.length).length);
    const rows: IndexRow[] = [];
    const media: MediaRecord[] = [];
    const problems: string[] = [];
    for (let i = 0; i < reports.length; i += BATCH) {
      const batch = reports.slice(i, i + BATCH);
      const details = new Map((await loadReportDetails(ctx.db, batch.map((r) => r.id))).map((d) => [d.report.id, d]));
      for (const [j, summary] of batch.entries()) {
        const detail = details.get(summary.id);
        if (!detail) continue;
        const dir = `projects/${numberedSegment(i + j + 1, width, summary.projectName)}`;
        const archived = await archiveMedia(ctx, add, dir, detail.media, { originals: options.originals ?? false, media, problems, projectName: summary.projectName });
        await add(`${dir}/index.html`, Buffer.from(renderProjectPage({ period, summary, detail, media: archived, now }), 'utf8'), { compress: true });
        const checks: Record<CheckStatus, number> = { passed: 0, flagged: 0, failed: 0 };
        for (const m of detail.media) if (m.checkStatus in checks) checks[m.checkStatus as CheckStatus]++;
        const videos = detail.media.filter((m) => m.kind === 'video').length;
        rows.push({ summary, dir, photos: detail.media.length - videos, videos, checks, punctuality: archivedPunctuality(period, summary.firstSubmittedAt, now) });
      }
    }

    // The ledger of the period's region and year, exactly as the office prints it.
    const year = Number(period.period.slice(0, 4));
    // Read as a region-wide viewer: the archive leaves the system (a disc, a share), so phone
    // numbers in it are masked as a viewer sees them (SECURITY.md row 15).
    const reader = { ...systemUser('viewer', period.regionCode), regionName: period.regionName };
    const ledger = await exportLedger(ctx, reader, { ...ledgerQuery.parse({}), year, yearOnly: true }, 'wan', period.regionName);
    ledger.done.catch((error: unknown) => ledger.stream.destroy(error instanceof Error ? error : new Error(String(error))));
    await Promise.all([add('ledger.xlsx', ledger.stream, { compress: false }), ledger.done]);

    const index = renderIndexPage({ period, counts, rows, generatedAt: now, hasOriginals: options.originals ?? false, problems, ledgerRows: ledger.rows });
    await add('index.html', Buffer.from(index, 'utf8'), { compress: true });

    const manifest = {
      format: 'tuijin-period-archive/1',
      generator: GENERATOR,
      generatedAt: now.toISOString(),
      region: { code: period.regionCode, name: period.regionName },
      period: {
        id: period.id, period: period.period, deadline: period.deadline, status: period.status,
        openedAt: period.openedAt, closedAt: period.closedAt, note: period.note,
      },
      options: { originals: options.originals ?? false },
      counts,
      projects: rows.map((r) => ({ projectId: r.summary.projectId, reportId: r.summary.id, name: r.summary.projectName, code: r.summary.projectCode, status: r.summary.status, path: `${r.dir}/index.html` })),
      files: [...files],
      media,
      problems,
    };
    await add('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), { compress: true });
    // `sha256sum -c SHA256SUMS` in the unpacked folder checks every file but itself.
    const sums = files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
    await add('SHA256SUMS', Buffer.from(sums, 'utf8'), { compress: true });
    const { entries, bytes } = await zip.finish();
    return { files: entries, bytes };
  } catch (error) {
    // A half-written zip is of no use to anyone: whoever reads `out` sees it fail.
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
