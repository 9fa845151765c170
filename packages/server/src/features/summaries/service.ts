import { buildBasicSituation, chinaYear, checkSummaryText, summaryParagraphs, type SummarySaveInput } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { can, scopePrefix } from '../../lib/permissions';
import { inTransaction, nowIso } from '../../lib/records';
import { findSavedSummary, readSubRegions, readSummaryProjects, type SavedSummaryRow } from './queries';

// The annual summary's 「一、基本情况」 of the caller's region: the draft generated from the
// ledger, and the office's edited text when it has saved one (versioned; dropping it brings
// the draft back). The draft is computed on every read, so it always shows the ledger as it is.

async function generate(ctx: AppContext, db: Executor, user: SessionUser, year: number) {
  const [projects, subRegions] = await Promise.all([
    readSummaryProjects(db, scopePrefix(user), year),
    user.regionLevel === 'county' ? Promise.resolve([]) : readSubRegions(db, user.regionCode),
  ]);
  return buildBasicSituation({
    year, isCurrentYear: year === chinaYear(ctx.clock.now()),
    area: { name: user.regionName, level: user.regionLevel }, subRegions, projects,
  });
}
export type GeneratedSummary = Awaited<ReturnType<typeof generate>>;

const draftText = (g: GeneratedSummary) => g.paragraphs.join('\n');
const projectsOf = (g: GeneratedSummary) => Number(g.figures.find((f) => f.key === 'projects')?.value ?? 0);

function presentSaved(row: SavedSummaryRow, generated: GeneratedSummary) {
  return {
    text: row.text, version: row.version, updatedAt: row.updatedAt, updatedByName: row.updatedByName ?? null,
    /** The ledger has changed since the text was saved: today's draft differs from the one it was edited from. */
    isDraftChanged: row.basis !== draftText(generated),
    /** Sums and shares in the edited text that its own numbers, or the ledger's count, do not give. */
    inconsistencies: checkSummaryText(row.text, { projects: projectsOf(generated) }),
  };
}

/**
 * The data checks name projects. A department sees only its own projects in the ledger, so it
 * reads the region's text and figures (sums, no names) without them.
 */
const seesChecks = (user: SessionUser) => user.role !== 'department';

export async function loadBasicSummary(ctx: AppContext, db: Executor, user: SessionUser, year: number) {
  const [generated, saved] = await Promise.all([generate(ctx, db, user, year), findSavedSummary(db, user.regionCode, year)]);
  const isChecked = seesChecks(user);
  const view = saved ? presentSaved(saved, generated) : null;
  return {
    year, regionCode: user.regionCode, regionName: user.regionName,
    generated: isChecked ? generated : { ...generated, inconsistencies: [] },
    saved: view && !isChecked ? { ...view, inconsistencies: [] } : view,
    /** False when the checks were left out for this reader (a department). */
    hasChecks: isChecked,
    canEdit: can(user, 'manageAssessment'),
    docxUrl: `/api/v1/summaries/${year}/basic.docx`,
  };
}
export type BasicSummaryView = Awaited<ReturnType<typeof loadBasicSummary>>;

/** The text the document prints: the office's when saved, else the draft. */
export function summaryText(view: BasicSummaryView): string[] {
  return view.saved ? summaryParagraphs(view.saved.text) : view.generated.paragraphs;
}

export async function saveBasicSummary(ctx: AppContext, user: SessionUser, year: number, input: SummarySaveInput) {
  const text = summaryParagraphs(input.text).join('\n');
  if (!text) throw new AppError('unprocessable', '总结内容不能为空；如要恢复系统生成的文字，请点「恢复为系统生成」', [{ field: 'text', message: '总结内容：不能为空' }]);
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findSavedSummary(tx, user.regionCode, year);
    if ((current?.version ?? 0) !== input.version) throw versionConflict(await loadBasicSummary(ctx, tx, user, year));
    const at = nowIso(ctx);
    const basis = draftText(await generate(ctx, tx, user, year));
    if (!current) {
      // Two first saves at once: the unique (region, year) lets one in; the other is a stale save.
      const inserted = await tx.insertInto('annualSummary')
        .values({ regionCode: user.regionCode, year, text, basis, version: 1, createdAt: at, updatedAt: at, updatedBy: user.id })
        .onConflict((oc) => oc.columns(['regionCode', 'year']).doNothing())
        .returning('id').executeTakeFirst();
      if (!inserted) throw versionConflict(await loadBasicSummary(ctx, tx, user, year));
      await audit({ action: 'create', objectType: 'annual_summary', objectId: inserted.id, after: { year, text } });
    } else if (current.text !== text) {
      const done = await tx.updateTable('annualSummary').set({ text, basis, version: current.version + 1, updatedAt: at, updatedBy: user.id })
        .where('id', '=', current.id).where('version', '=', input.version).executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) throw versionConflict(await loadBasicSummary(ctx, tx, user, year));
      await audit({ action: 'update', objectType: 'annual_summary', objectId: current.id, before: { text: current.text }, after: { text } });
    }
    return loadBasicSummary(ctx, tx, user, year);
  });
}

/** 恢复为系统生成: the saved text is dropped, so the page and the document show the draft again. */
export async function dropBasicSummary(ctx: AppContext, user: SessionUser, year: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const current = await findSavedSummary(tx, user.regionCode, year);
    if (!current) throw notFound('已保存的总结');
    if (current.version !== version) throw versionConflict(await loadBasicSummary(ctx, tx, user, year));
    await tx.deleteFrom('annualSummary').where('id', '=', current.id).where('version', '=', version).execute();
    await audit({ action: 'delete', objectType: 'annual_summary', objectId: current.id, before: { year, text: current.text, version: current.version } });
    return loadBasicSummary(ctx, tx, user, year);
  });
}
