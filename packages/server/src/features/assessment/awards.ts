import { AWARD_KIND_LABEL, SUBJECT_LABEL, type AwardCreateInput, type AwardKind, type AwardUpdateInput, type SubjectKind } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import type { AppContext, SessionUser } from '../../lib/context';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { isInScope } from '../../lib/permissions';
import { diff, inTransaction, nowIso } from '../../lib/records';

// The year-end 考核's rewards and penalties (奖惩), recorded per project, department, leader or
// township as the office decides them (with the document that decided them).

const awardBase = (db: Executor, user: SessionUser) => db.selectFrom('assessmentAward as a')
  .leftJoin('appUser as u', 'u.id', 'a.createdBy')
  .selectAll('a').select('u.displayName as createdByName')
  .where('a.regionCode', '=', user.regionCode);

type AwardRow = Awaited<ReturnType<ReturnType<typeof awardBase>['executeTakeFirstOrThrow']>>;

function present(a: AwardRow) {
  return {
    id: a.id, year: a.year, subjectKind: a.subjectKind as SubjectKind, subjectKindLabel: SUBJECT_LABEL[a.subjectKind as SubjectKind],
    subjectId: a.subjectKey, subjectName: a.subjectName, kind: a.kind as AwardKind, kindLabel: AWARD_KIND_LABEL[a.kind as AwardKind],
    title: a.title, detail: a.detail, docNo: a.docNo, decidedOn: a.decidedOn, version: a.version, createdAt: a.createdAt, createdByName: a.createdByName,
  };
}

/** The subject's name if it lies within the office's region, else not found. */
async function subjectName(db: Executor, user: SessionUser, kind: AwardCreateInput['subjectKind'], id: number): Promise<string> {
  const row = kind === 'project'
    ? await db.selectFrom('project').select(['name', 'regionCode']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
    : kind === 'leader'
      ? await db.selectFrom('person').select(['name', 'regionCode']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst()
      : await db.selectFrom('org').select(['name', 'regionCode']).where('id', '=', id).where('deletedAt', 'is', null)
        .where('kind', '=', kind === 'department' ? 'department' : 'township').executeTakeFirst();
  if (!row || !isInScope(user, row.regionCode)) throw new AppError('unprocessable', `${SUBJECT_LABEL[kind]}不存在或不在本地区`, [{ field: 'subjectId', message: `考核对象：${SUBJECT_LABEL[kind]}不存在或不在本地区` }]);
  return row.name;
}

export async function listAwards(ctx: AppContext, user: SessionUser, year: number) {
  const rows = await awardBase(ctx.db, user).where('a.year', '=', year).orderBy('a.decidedOn', 'desc').orderBy('a.id', 'desc').execute();
  return { items: rows.map(present) };
}

async function loadAward(db: Executor, user: SessionUser, id: number) {
  const a = await awardBase(db, user).where('a.id', '=', id).executeTakeFirst();
  if (!a) throw notFound('奖惩记录');
  return a;
}

export async function createAward(ctx: AppContext, user: SessionUser, input: AwardCreateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const name = await subjectName(tx, user, input.subjectKind, input.subjectId);
    const at = nowIso(ctx);
    const { id } = await tx.insertInto('assessmentAward').values({
      regionCode: user.regionCode, year: input.year, subjectKind: input.subjectKind, subjectKey: String(input.subjectId), subjectName: name,
      kind: input.kind, title: input.title, detail: input.detail ?? null, docNo: input.docNo ?? null, decidedOn: input.decidedOn,
      createdBy: user.id, createdAt: at, updatedAt: at,
    }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'create', objectType: 'assessment_award', objectId: id, after: { ...input, subjectName: name } });
    return present(await loadAward(tx, user, id));
  });
}

export async function updateAward(ctx: AppContext, user: SessionUser, id: number, input: AwardUpdateInput) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const a = await loadAward(tx, user, id);
    if (a.version !== input.version) throw versionConflict(present(a));
    const { version, ...fields } = input;
    const row = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const { before, after } = diff(a as unknown as Record<string, unknown>, row);
    if (Object.keys(after).length === 0) return present(a);
    await tx.updateTable('assessmentAward').set({ ...row, version: version + 1, updatedAt: nowIso(ctx) }).where('id', '=', id).execute();
    await audit({ action: 'update', objectType: 'assessment_award', objectId: id, before, after });
    return present(await loadAward(tx, user, id));
  });
}

export async function deleteAward(ctx: AppContext, user: SessionUser, id: number, version: number) {
  return inTransaction(ctx, user, async (tx, audit) => {
    const a = await loadAward(tx, user, id);
    if (a.version !== version) throw versionConflict(present(a));
    await tx.deleteFrom('assessmentAward').where('id', '=', id).execute();
    await audit({ action: 'delete', objectType: 'assessment_award', objectId: id, before: present(a) });
    return { deleted: true };
  });
}
