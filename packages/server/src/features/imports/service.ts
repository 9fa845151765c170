import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWorkbook, type Currency, type ImportField, type ImportProblem, type KeyListLevel, type ParsedLedger } from '@tuijin/core';
import type { AppContext, SessionUser } from '../../lib/context';
import type { AuditRecord } from '../../lib/audit';
import type { Tx } from '../../db/kysely';
import { AppError, notFound } from '../../lib/errors';
import { isInScope } from '../../lib/permissions';
import { inTransaction, nowIso, parseJson, transact } from '../../lib/records';
import { readSpreadsheet } from '../../lib/documents/read-sheets';
import { createFromRow, updateFromRow } from './apply';
import { joinOpenMonths } from '../periods/join-open-months';
import { writeAuditBatch } from '../../lib/audit';
import { actorOf } from '../../lib/context';
import { Directory } from './directory';
import { countActions, loadExisting, planRows, type RowPlan } from './plan';

// Ledger import as two steps: a preview that reads the file, maps its columns and says row
// by row what would change, and a commit that does it all in one transaction or not at all.
// The file waits in the data folder between the two, and is removed after the commit.

export interface ImportOptions {
  year?: number;
  mapping?: Record<number, ImportField | null>;
  rates?: Partial<Record<Currency, string>>;
}

function uploadPath(ctx: AppContext, key: string): string {
  return join(ctx.config.dataDir, 'imports', `${key}.upload`);
}

/** The county the rows land in: the user's own, or one they name inside their region. */
async function targetCounty(ctx: AppContext, user: SessionUser, regionCode?: string): Promise<string> {
  const code = regionCode ?? user.regionCode;
  const region = await ctx.db.selectFrom('region').select(['code', 'level']).where('code', '=', code).executeTakeFirst();
  if (!region || !isInScope(user, code)) throw notFound('地区');
  if (region.level !== 'county') {
    throw new AppError('validation_failed', '请选择项目所在的县（市、区）后再导入', [{ field: 'regionCode', message: '所属地区：须为县（市、区）' }]);
  }
  return code;
}

async function analyse(ctx: AppContext, user: SessionUser, buffer: Buffer, filename: string, regionCode: string, options: ImportOptions) {
  const grids = await readSpreadsheet(buffer, filename);
  const ledgers = parseWorkbook(grids, { year: options.year, mapping: options.mapping, rates: options.rates });
  const found = ledgers.filter((l) => l.records.length > 0 || l.columns.some((c) => c.field === 'name'));
  if (found.length === 0) {
    const reasons = ledgers.flatMap((l) => l.problems).filter((p) => p.level === 'error').map((p) => p.message);
    throw new AppError('unprocessable', reasons[0] ?? '没有在文件中找到台账表格：请确认表头含“项目名称”等列', { problems: reasons });
  }
  const years = [...new Set(found.map((l) => l.year))];
  if (years.length > 1) throw new AppError('unprocessable', `文件中各工作表的年度不一致（${years.join('、')}），请分开导入`);
  const year = years[0]!;
  const existing = await loadExisting(ctx.db, regionCode, year);
  const levelRows = existing.length
    ? await ctx.db.selectFrom('projectKeyList').select(['projectId', 'level']).where('year', '=', year).where('projectId', 'in', existing.map((e) => e.id)).execute()
    : [];
  const levelsOf = new Map<number, KeyListLevel[]>();
  for (const l of levelRows) levelsOf.set(l.projectId, [...(levelsOf.get(l.projectId) ?? []), l.level as KeyListLevel]);
  const directory = await Directory.load(ctx.db, regionCode);
  const rows = found.flatMap((ledger) => planRows(withDefaultLevel(ledger), existing, levelsOf, directory));
  for (const ledger of found) noteColumnsKeptForLater(ledger);
  flagDuplicateMatches(rows);
  await flagCodesTakenElsewhere(ctx, regionCode, rows);
  return { ledgers: found, year, rows, directory };
}

/** A county ledger titled 「…县级重点建设项目…」 puts every row on that list when no column says otherwise. */
function withDefaultLevel(ledger: ParsedLedger): ParsedLedger {
  const title = ledger.title ?? '';
  const level: KeyListLevel | null = /省级?重点/.test(title) ? 'province' : /市级?重点/.test(title) ? 'city' : /县级?重点/.test(title) ? 'county' : null;
  if (!level || ledger.columns.some((c) => c.field === 'level')) return ledger;
  return { ...ledger, records: ledger.records.map((r) => ({ ...r, levels: r.levels ?? [level] })) };
}

// Columns the ledger has a place for later (the monthly report, obstacles, key nodes) are
// read but not yet stored: the user is told rather than left to think they were.
const NOT_STORED_YET: Partial<Record<ImportField, string>> = {
  progress: '形象进度', problems: '存在问题', remarks: '备注', nodes: '关键节点',
};

function noteColumnsKeptForLater(ledger: ParsedLedger) {
  const columns = ledger.columns.filter((c) => c.field && NOT_STORED_YET[c.field]);
  if (!columns.length) return;
  ledger.problems.push({
    level: 'warning', sheet: ledger.sheet,
    message: `以下列已识别但本次不导入（将用于月报、问题台账和关键节点）：${columns.map((c) => `${c.letter}「${c.header}」`).join('、')}`,
  });
}

/** A project code belongs to one project in the whole deployment, and to one row of the file. */
async function flagCodesTakenElsewhere(ctx: AppContext, regionCode: string, rows: RowPlan[]) {
  const codes = [...new Set(rows.map((r) => r.record.code).filter((c): c is string => !!c))];
  const taken = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const found = await ctx.db.selectFrom('project').select('code').where('code', 'in', codes.slice(i, i + 500)).where('regionCode', '!=', regionCode).where('deletedAt', 'is', null).execute();
    for (const f of found) if (f.code) taken.add(f.code);
  }
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const code = row.record.code;
    if (!code) continue;
    const error = (message: string) => {
      row.action = 'error';
      row.problems.push({ level: 'error', sheet: row.sheet, row: row.row, field: 'code', message });
    };
    if (taken.has(code)) error(`第 ${row.row} 行「${row.name}」：项目代码 ${code} 已被其他地区的项目使用`);
    const first = firstRow.get(code);
    if (first != null) error(`第 ${row.row} 行与第 ${first} 行的项目代码 ${code} 相同`);
    else firstRow.set(code, row.row);
  }
}

/** Two rows of the file that resolve to one existing project cannot both update it. */
function flagDuplicateMatches(rows: RowPlan[]) {
  const seen = new Map<number, RowPlan>();
  for (const row of rows) {
    if (row.projectId == null) continue;
    const first = seen.get(row.projectId);
    if (!first) { seen.set(row.projectId, row); continue; }
    row.action = 'error';
    row.problems.push({ level: 'error', sheet: row.sheet, row: row.row, message: `第 ${row.row} 行与第 ${first.row} 行对应同一个项目「${row.name}」` });
  }
}

function present(batch: { id: number; filename: string; status: string }, analysis: Awaited<ReturnType<typeof analyse>>) {
  const problems: ImportProblem[] = [
    ...analysis.ledgers.flatMap((l) => l.problems.filter((p) => p.row == null || !analysis.rows.some((r) => r.row === p.row && r.sheet === p.sheet))),
    ...analysis.rows.flatMap((r) => r.problems),
  ];
  return {
    batchId: batch.id,
    filename: batch.filename,
    status: batch.status,
    year: analysis.year,
    sheets: analysis.ledgers.map((l) => ({
      sheet: l.sheet, title: l.title, asOf: l.asOf, year: l.year, throughMonth: l.throughMonth, headerRows: l.headerRows,
      columns: l.columns, unusedColumns: l.unusedColumns, skipped: l.skipped, checks: l.checks, currencies: l.currencies,
    })),
    counts: { ...countActions(analysis.rows), errors: problems.filter((p) => p.level === 'error').length, warnings: problems.filter((p) => p.level === 'warning').length },
    rows: analysis.rows.map(({ sheet, row, name, action, changes, problems: p }) => ({ sheet, row, name, action, changes, problems: p })),
    problems,
  };
}

/** Uploads left by previews nobody committed or discarded are removed after a day (SECURITY.md row 17). */
export const STALE_AFTER_MS = 24 * 3_600_000;

export async function sweepStaleImports(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - STALE_AFTER_MS).toISOString();
  const stale = await ctx.db.selectFrom('importBatch').select(['id', 'options']).where('status', '=', 'previewed').where('updatedAt', '<', cutoff).execute();
  for (const batch of stale) {
    const { key } = parseJson<{ key?: string }>(batch.options, {});
    await ctx.db.updateTable('importBatch').set({ status: 'expired', updatedAt: nowIso(ctx) }).where('id', '=', batch.id).where('status', '=', 'previewed').execute();
    if (key) await rm(uploadPath(ctx, key), { force: true });
  }
  return stale.length;
}

export async function previewImport(ctx: AppContext, user: SessionUser, upload: { buffer: Buffer; filename: string; regionCode?: string }, options: ImportOptions) {
  const regionCode = await targetCounty(ctx, user, upload.regionCode);
  await sweepStaleImports(ctx);
  const analysis = await analyse(ctx, user, upload.buffer, upload.filename, regionCode, options);
  // The bytes are stored before the record that points at them (SECURITY.md reliability 1).
  const key = randomUUID();
  await mkdir(join(ctx.config.dataDir, 'imports'), { recursive: true });
  await writeFile(uploadPath(ctx, key), upload.buffer, { mode: 0o600 });
  const batch = await inTransaction(ctx, user, async (tx, audit) => {
    const at = nowIso(ctx);
    const row = {
      kind: 'ledger', regionCode, userId: user.id, filename: upload.filename, size: upload.buffer.length,
      sha256: createHash('sha256').update(upload.buffer).digest('hex'), status: 'previewed', year: analysis.year,
      options: JSON.stringify({ key, ...options }), createdAt: at, updatedAt: at,
    };
    const { id } = await tx.insertInto('importBatch').values(row).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'import_preview', objectType: 'import', objectId: id, after: { filename: upload.filename, sha256: row.sha256, counts: countActions(analysis.rows) } });
    return { id, filename: upload.filename, status: 'previewed' };
  });
  return present(batch, analysis);
}

async function loadBatch(ctx: AppContext, user: SessionUser, id: number) {
  const batch = await ctx.db.selectFrom('importBatch').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch || !isInScope(user, batch.regionCode)) throw notFound('导入批次');
  if (batch.status !== 'previewed') {
    const why = { committed: '该文件已导入，不能重复提交', discarded: '该导入已放弃', expired: '该导入超过一天未提交，已过期，请重新上传' }[batch.status] ?? '该导入已结束';
    throw new AppError('conflict', why);
  }
  const stored = parseJson<ImportOptions & { key: string }>(batch.options, { key: '' });
  const buffer = await readFile(uploadPath(ctx, stored.key)).catch(() => {
    throw new AppError('conflict', '上传的文件已过期，请重新上传');
  });
  return { batch, stored, buffer };
}

/** Reads the batch's file again with the user's corrections (mapping, rates, year). */
export async function repreviewImport(ctx: AppContext, user: SessionUser, id: number, options: ImportOptions) {
  const { batch, stored, buffer } = await loadBatch(ctx, user, id);
  const merged = { ...stored, ...options };
  const analysis = await analyse(ctx, user, buffer, batch.filename, batch.regionCode, merged);
  await ctx.db.updateTable('importBatch').set({ options: JSON.stringify(merged), updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
  return present(batch, analysis);
}

/** Plans again against the data as it is now (inside the caller's transaction) and applies it all. */
async function analyseAndApply(txCtx: AppContext, importer: SessionUser, buffer: Buffer, filename: string, regionCode: string, options: ImportOptions) {
  const analysis = await analyse(txCtx, importer, buffer, filename, regionCode, options);
  const errors = analysis.rows.flatMap((r) => r.problems).concat(analysis.ledgers.flatMap((l) => l.problems)).filter((p) => p.level === 'error');
  if (errors.length) throw new AppError('unprocessable', `文件有 ${errors.length} 处错误，未导入任何数据：${errors[0]!.message}`, { problems: errors });
  const first = analysis.ledgers[0];
  const through = first?.throughMonth ? `${analysis.year}-${String(first.throughMonth).padStart(2, '0')}` : null;
  const trail: AuditRecord[] = [];
  const apply = {
    ctx: txCtx, tx: txCtx.db as Tx, user: importer, directory: analysis.directory, year: analysis.year, through,
    audit: async (record: AuditRecord) => void trail.push(record),
  };
  const touched: number[] = [];
  for (const row of analysis.rows) {
    if (row.action === 'create') touched.push(await createFromRow(apply, row));
    else if (row.action === 'update') {
      await updateFromRow(apply, row);
      touched.push(row.projectId!);
    }
  }
  // Projects new to reporting while a month is open get their report for it.
  await joinOpenMonths(txCtx.db, touched, nowIso(txCtx), apply.audit);
  // One record per project, chained in one go at the end of the same transaction.
  await writeAuditBatch(txCtx.db, actorOf(importer), txCtx.clock.now(), trail);
  return analysis;
}

/**
 * The command line's import: a dry run reports the plan; otherwise the file is applied in
 * one transaction, with no batch kept between steps (the operator is the system).
 */
export async function importFile(
  ctx: AppContext,
  importer: SessionUser,
  file: { buffer: Buffer; filename: string },
  options: ImportOptions & { dryRun: boolean },
) {
  const regionCode = importer.regionCode;
  if (options.dryRun) return present({ id: 0, filename: file.filename, status: 'dry-run' }, await analyse(ctx, importer, file.buffer, file.filename, regionCode, options));
  return transact(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const analysis = await analyseAndApply(txCtx, importer, file.buffer, file.filename, regionCode, options);
    await inTransaction(txCtx, importer, (_t, audit) =>
      audit({ action: 'import_commit', objectType: 'import', objectId: createHash('sha256').update(file.buffer).digest('hex').slice(0, 16), after: { filename: file.filename, counts: countActions(analysis.rows) } }),
    );
    return present({ id: 0, filename: file.filename, status: 'committed' }, analysis);
  });
}

export async function commitImport(ctx: AppContext, user: SessionUser, id: number, options: ImportOptions) {
  const { batch, stored, buffer } = await loadBatch(ctx, user, id);
  const merged = { ...stored, ...options };
  const importer: SessionUser = { ...user, regionCode: batch.regionCode, regionLevel: 'county' };
  const result = await transact(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const analysis = await analyseAndApply(txCtx, importer, buffer, batch.filename, batch.regionCode, merged);
    const counts = countActions(analysis.rows);
    const done = await tx
      .updateTable('importBatch')
      .set({ status: 'committed', committedAt: nowIso(ctx), updatedAt: nowIso(ctx), options: JSON.stringify(merged), summary: JSON.stringify(counts), version: batch.version + 1 })
      .where('id', '=', id)
      .where('status', '=', 'previewed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new AppError('conflict', '该文件已由他人提交导入');
    await inTransaction(txCtx, user, (_t, audit) => audit({ action: 'import_commit', objectType: 'import', objectId: id, after: { filename: batch.filename, counts } }));
    return { ...present({ ...batch, status: 'committed' }, analysis), status: 'committed' };
  });
  await rm(uploadPath(ctx, stored.key), { force: true });
  return result;
}

export async function discardImport(ctx: AppContext, user: SessionUser, id: number) {
  const { stored } = await loadBatch(ctx, user, id);
  await inTransaction(ctx, user, async (tx, audit) => {
    const done = await tx.updateTable('importBatch').set({ status: 'discarded', updatedAt: nowIso(ctx) }).where('id', '=', id).where('status', '=', 'previewed').executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new AppError('conflict', '该导入已提交或已结束，不能放弃');
    await audit({ action: 'import_discard', objectType: 'import', objectId: id });
  });
  await rm(uploadPath(ctx, stored.key), { force: true });
  return { ok: true };
}
