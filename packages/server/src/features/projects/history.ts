import { FIELD_LABELS } from '@tuijin/core';
import type { Executor } from '../../db/kysely';
import { parseJson } from '../../lib/records';

// A project's history, read from the audit trail: every change to it or to the records
// that hang off it, newest first, field by field.

const OBJECT_LABELS: Record<string, string> = {
  project: '项目', key_list: '重点级别', annual_plan: '年度计划', node: '关键节点', approval: '前期手续',
};
const ACTION_LABELS: Record<string, string> = {
  create: '新增', update: '修改', delete: '删除', change_stage: '变更阶段', import_create: '导入新增', import_update: '导入更新',
};
const COLUMN_LABELS: Record<string, string> = {
  ...FIELD_LABELS, foreignAmount: '外币金额', foreignCurrency: '币种', foreignRate: '汇率', nameKey: '',
  stageDate: '阶段日期', updatedBy: '', updatedAt: '',
};

export async function findProjectHistory(db: Executor, projectId: number, limit = 500) {
  const rows = await db
    .selectFrom('auditEvent')
    .select(['id', 'at', 'username', 'action', 'objectType', 'objectId', 'before', 'after'])
    .where('projectId', '=', projectId)
    .where('result', '=', 'success')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const before = parseJson<Record<string, unknown>>(r.before, {});
    const after = parseJson<Record<string, unknown>>(r.after, {});
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => COLUMN_LABELS[f] !== '');
    return {
      id: Number(r.id),
      at: r.at,
      // Work done by the demo loader, the command line or an import run by the system.
      username: r.username === 'system' || r.username === 'cli' ? '系统' : r.username,
      action: r.action,
      actionLabel: ACTION_LABELS[r.action] ?? r.action,
      objectType: r.objectType,
      objectLabel: OBJECT_LABELS[r.objectType] ?? r.objectType,
      objectId: r.objectId,
      changes: fields.map((field) => ({ field, label: COLUMN_LABELS[field] ?? field, before: before[field] ?? null, after: after[field] ?? null })),
    };
  });
}
