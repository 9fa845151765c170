import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readWithPython } from '../../lib/documents/test-zips';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../test/harness';
import { allowNoPhotos, openMonth, reportingCounty, type ReportingCounty } from '../../test/report-fixtures';
import { archiveInBackground, archiveToFile } from './service';

// The archive when things change under it: a month reopened while it is built, extreme drafts,
// and the personal data it carries out of the system.

const errors: unknown[] = [];
const log = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: (o: unknown) => errors.push(o) } as unknown as FastifyBaseLogger;

describe.each(DIALECTS)('archive robustness on %s', (dialect) => {
  let h: Harness;
  let c: ReportingCounty;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'review-archive-'));
    h = await startHarness(dialect);
    h.clock.set('2026-06-02T02:00:00Z');
    c = await reportingCounty(h);
    await allowNoPhotos(h, c);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a build still running when the month is reopened does not pin an archive on the open month', async () => {
    const { period } = await openMonth(h, c, '2026-04');
    const closed = await h.request('POST', `/api/v1/periods/${period.id}/close`, { cookie: c.office.cookie, body: { version: period.version, archive: false } });
    // The office asks for the archive, then reopens the month before the build has finished.
    const building = archiveInBackground(h.ctx, { userId: c.office.id, username: 'o', role: 'office', ip: null }, period.id, log);
    const reopened = await h.request('POST', `/api/v1/periods/${period.id}/reopen`, { cookie: c.office.cookie, body: { version: closed.json().version } });
    expect(reopened.statusCode).toBe(200);
    await building;
    const view = (await h.request('GET', `/api/v1/periods/${period.id}`, { cookie: c.office.cookie })).json();
    expect(view.status).toBe('open');
    // setPeriodStatus says "A reopened month's archive no longer says what the month holds: it goes".
    expect(view.archive, 'open month carries the archive of its closed state').toBeNull();
  });

  it("refuses absurd amounts in a report, so no draft can break the month's archive", async () => {
    const { period, reportId } = await openMonth(h, c, '2026-05');
    const view = (await h.request('GET', `/api/v1/reports/${reportId}`, { cookie: c.reporter.cookie })).json();
    const refused = await h.request('PATCH', `/api/v1/reports/${reportId}`, {
      cookie: c.reporter.cookie, body: { version: view.version, funds: [{ source: 'enterprise', amount: Number.MAX_SAFE_INTEGER }, { source: 'bank_loan', amount: 1 }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('超过 10 万亿元');
    const largest = await h.request('PATCH', `/api/v1/reports/${reportId}`, {
      cookie: c.reporter.cookie, body: { version: view.version, funds: Array.from({ length: 20 }, () => ({ source: 'enterprise', amount: 10_000_000_000_000 })) },
    });
    expect(largest.statusCode).toBe(200);
    await expect(archiveToFile(h.ctx, period.id, join(dir, `${dialect}.zip`))).resolves.toBeDefined();
  });
});

describe('the archive and personal data', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'review-archive-phones-'));
    h = await startHarness('sqlite');
    h.clock.set('2026-06-02T02:00:00Z');
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives a viewer (no seePhones) the same masking in the downloaded archive as in the app', async () => {
    const c = await reportingCounty(h);
    const person = await c.f.person(c.region, '李四'); // phone 13800138000
    const project = await c.f.project(c.region, { stage: 'under_construction', ownerOrgId: c.company.id, responsibleOrgId: c.dept.id, contactId: person.id } as never);
    await h.request('PUT', `/api/v1/projects/${project.id}/plans/2026`, { cookie: c.office.cookie, body: { plan: 1_000_000, target: 2_000_000 } });
    const { period } = await openMonth(h, c, '2026-05');
    const viewer = await c.f.session('viewer', c.region);
    const inApp = await h.request('GET', `/api/v1/projects/${project.id}`, { cookie: viewer.cookie });
    expect(inApp.statusCode).toBe(200);
    expect(inApp.body).not.toContain('13800138000');
    await archiveInBackground(h.ctx, { userId: c.office.id, username: 'o', role: 'office', ip: null }, period.id, log);
    const download = await h.request('GET', `/api/v1/periods/${period.id}/archive`, { cookie: viewer.cookie });
    expect(download.statusCode).toBe(200);
    const zip = join(dir, 'a.zip');
    writeFileSync(zip, download.rawPayload);
    const out = join(dir, 'x');
    readWithPython(zip, out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'ledger.xlsx'));
    const cells: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((cell) => void cells.push(String(cell.value)))));
    expect(cells.join(' ')).toContain(project.name);
    expect(cells.join(' '), 'the viewer got the plaintext phone number in ledger.xlsx').not.toContain('13800138000');
  });
});
