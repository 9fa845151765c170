import { FIELD_LABELS, KEY_LIST_LEVELS, STAGE_LABEL, canTransition, type ImportProblem, type KeyListLevel, type ParsedLedger, type ParsedRecord, type Stage } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { nameKey } from '../projects/service';
import type { Directory } from './directory';

// What an import will do, row by row, before anything is written: which project each row
// is (by project code, else by name and project unit within the county), and which of its
// facts change. The same plan drives the preview and the commit.

export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

export interface Change { field: string; label: string; before: unknown; after: unknown }

export interface RowPlan {
  sheet: string;
  row: number;
  name: string;
  action: RowAction;
  projectId: number | null;
  version: number | null;
  changes: Change[];
  problems: ImportProblem[];
  record: ParsedRecord;
  /** Key-list levels to add for the year, and the stage to move to (from `currentStage`). */
  addLevels: KeyListLevel[];
  stage: Stage | null;
  currentStage: Stage | null;
}

type Existing = Awaited<ReturnType<typeof loadExisting>>[number];

export async function loadExisting(db: Executor, regionCode: string, year: number) {
  return db
    .selectFrom('project')
    .leftJoin('annualPlan as ap', (j) => j.onRef('ap.projectId', '=', 'project.id').on('ap.year', '=', year))
    .leftJoin('org as owner', 'owner.id', 'project.ownerOrgId')
    .leftJoin('org as township', 'township.id', 'project.townshipId')
    .leftJoin('org as resp', 'resp.id', 'project.responsibleOrgId')
    .leftJoin('person as leader', 'leader.id', 'project.leaderId')
    .leftJoin('person as first', 'first.id', 'project.firstResponsibleId')
    .leftJoin('person as contact', 'contact.id', 'project.contactId')
    .select([
      'project.id', 'project.version', 'project.code', 'project.name', 'project.nameKey', 'project.category', 'project.industry',
      'project.nature', 'project.stage', 'project.resumeStage', 'project.contentScale', 'project.totalInvestment', 'project.address',
      'project.foreignAmount', 'project.foreignCurrency', 'project.foreignRate', 'project.commitStartDate', 'project.commitCompletionDate',
      'project.annualRevenue', 'project.annualProfitTax', 'project.ownerOrgId', 'project.townshipId', 'project.responsibleOrgId',
      'project.leaderId', 'project.firstResponsibleId', 'project.contactId', 'owner.name as ownerName',
      'township.name as townshipName', 'resp.name as responsibleOrgName', 'leader.name as leaderName',
      'first.name as firstResponsibleName', 'contact.name as contactName',
      'ap.plan', 'ap.target', 'ap.completed', 'ap.completedThrough', 'ap.completedLastYear',
    ])
    .where('project.regionCode', '=', regionCode)
    .where('project.deletedAt', 'is', null)
    .execute();
}

const LABEL: Record<string, string> = {
  ...FIELD_LABELS, plan: '年度计划投资', target: '力争投资', completed: '已完成投资', completedThrough: '完成投资截止月份',
  completedLastYear: '上年同期完成', levels: '重点级别', stage: '项目阶段', name: '项目名称',
};

function find(existing: Existing[], record: ParsedRecord): { match: Existing | null; problem: string | null } {
  if (record.code) {
    const byCode = existing.find((e) => e.code === record.code);
    if (byCode) return { match: byCode, problem: null };
  }
  const key = nameKey(record.name);
  const sameName = existing.filter((e) => e.nameKey === key);
  const candidates = record.ownerName ? sameName.filter((e) => e.ownerName === record.ownerName || e.ownerName == null) : sameName;
  if (candidates.length > 1) return { match: null, problem: `库中有 ${candidates.length} 个同名项目「${record.name}」，无法确定是哪一个，请在表中填写项目代码` };
  return { match: candidates[0] ?? null, problem: null };
}

export function planRows(ledger: ParsedLedger, existing: Existing[], levelsOf: Map<number, KeyListLevel[]>, directory: Directory): RowPlan[] {
  const through = ledger.throughMonth ? `${ledger.year}-${String(ledger.throughMonth).padStart(2, '0')}` : null;
  return ledger.records.map((record) => {
    const problems = ledger.problems.filter((p) => p.row === record.row && p.sheet === record.sheet);
    const { match, problem } = find(existing, record);
    const base: Omit<RowPlan, 'action' | 'changes'> = {
      sheet: record.sheet, row: record.row, name: record.name, projectId: match?.id ?? null, version: match?.version ?? null,
      problems, record, addLevels: [], stage: null, currentStage: (match?.stage as Stage | undefined) ?? null,
    };
    if (problem) problems.push({ level: 'error', sheet: record.sheet, row: record.row, message: problem });
    if (!match) {
      if (!record.category) problems.push({ level: 'error', sheet: record.sheet, row: record.row, field: 'category', message: `第 ${record.row} 行「${record.name}」：无法确定项目类别（表中无类别列，也不在分组行之下）` });
      if (record.totalInvestment == null) problems.push({ level: 'error', sheet: record.sheet, row: record.row, field: 'totalInvestment', message: `第 ${record.row} 行「${record.name}」：缺少总投资，无法新建项目` });
    }
    const changes = diffRecord(record, match, directory, through);
    const levels = record.levels ?? [];
    const addLevels = levels.filter((l) => !match || !levelsOf.get(match.id)?.includes(l));
    for (const l of addLevels) changes.push({ field: 'levels', label: LABEL.levels!, before: null, after: `${ledger.year} 年${KEY_LIST_LEVELS.label[l]}` });
    let stage: Stage | null = null;
    if (record.stage && record.stage !== match?.stage) {
      if (!match || canTransition(match.stage as Stage, record.stage, match.resumeStage as Stage | null)) {
        stage = record.stage;
        changes.push({ field: 'stage', label: LABEL.stage!, before: match ? STAGE_LABEL[match.stage as Stage] : null, after: STAGE_LABEL[record.stage] });
      } else {
        problems.push({ level: 'warning', sheet: record.sheet, row: record.row, field: 'stage', message: `第 ${record.row} 行「${record.name}」：阶段不能从「${STAGE_LABEL[match.stage as Stage]}」改为「${STAGE_LABEL[record.stage]}」，阶段未改` });
      }
    }
    const hasError = problems.some((p) => p.level === 'error');
    const action: RowAction = hasError ? 'error' : !match ? 'create' : changes.length ? 'update' : 'unchanged';
    return { ...base, action, changes, addLevels, stage };
  });
}

/** [field, new value, current value, and for references the names to show]. */
type Comparable = [field: string, after: unknown, before: unknown, beforeName?: string | null];

function diffRecord(r: ParsedRecord, m: Existing | null, d: Directory, through: string | null): Change[] {
  const pairs: Comparable[] = [
    ['code', r.code, m?.code], ['name', r.name, m?.name], ['category', r.category, m?.category], ['industry', r.industry, m?.industry],
    ['nature', r.nature, m?.nature], ['contentScale', r.contentScale, m?.contentScale], ['totalInvestment', r.totalInvestment, m?.totalInvestment],
    ['address', r.address, m?.address], ['commitStartDate', r.commitStartDate, m?.commitStartDate],
    ['commitCompletionDate', r.commitCompletionDate, m?.commitCompletionDate], ['annualRevenue', r.annualRevenue, m?.annualRevenue],
    ['annualProfitTax', r.annualProfitTax, m?.annualProfitTax],
    ['foreign', r.foreign, m?.foreignAmount == null ? undefined : { amount: m.foreignAmount, currency: m.foreignCurrency, rate: m.foreignRate }],
    ['ownerOrgId', refName(r.ownerName, d.orgId('company', r.ownerName)), m?.ownerOrgId, m?.ownerName],
    ['townshipId', refName(r.township, d.orgId('township', r.township)), m?.townshipId, m?.townshipName],
    ['responsibleOrgId', refName(r.responsibleOrgName, d.orgId('department', r.responsibleOrgName)), m?.responsibleOrgId, m?.responsibleOrgName],
    ['leaderId', refName(r.leaderName, d.personId(r.leaderName)), m?.leaderId, m?.leaderName],
    ['firstResponsibleId', refName(r.firstResponsibleName, d.personId(r.firstResponsibleName)), m?.firstResponsibleId, m?.firstResponsibleName],
    ['contactId', refName(r.contactName, d.personId(r.contactName)), m?.contactId, m?.contactName],
    ['plan', r.plan, m?.plan], ['target', r.target, m?.target], ['completed', r.completed, m?.completed],
    ['completedThrough', r.completed != null ? through : undefined, m?.completedThrough],
    ['completedLastYear', r.completedLastYear, m?.completedLastYear],
  ];
  const changes: Change[] = [];
  for (const [field, after, before, beforeName] of pairs) {
    if (after === undefined) continue;
    const isRef = after instanceof RefName;
    const value = isRef ? after.id : after;
    // A reference to a record the import will create is always a change.
    if ((!isRef || after.id != null) && JSON.stringify(value ?? null) === JSON.stringify(before ?? null)) continue;
    changes.push({ field, label: LABEL[field] ?? field, before: isRef ? beforeName ?? null : before ?? null, after: isRef ? after.describe() : after });
  }
  return changes;
}

/** A reference given by name: an existing record's id, or null when the import will create it. */
class RefName {
  constructor(readonly name: string, readonly id: number | null) {}
  describe(): string {
    return this.id == null ? `${this.name}（新建）` : this.name;
  }
}

function refName(name: string | undefined, id: number | null | undefined): RefName | undefined {
  return name ? new RefName(name, id ?? null) : undefined;
}

export function countActions(rows: RowPlan[]) {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return counts;
}

export type { Existing };
