import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import { LoadError, PageSpin } from '../../components/page-state';
import { dateTime } from '../../components/format';
import { useProjectHistory } from './api';
import { fieldLabel, formatFieldValue, useNameOf } from './field-format';
import { ALL_SECTIONS, fieldsOf, isSameValue } from './form-values';
import type { HistoryChange, HistoryEntry } from './types';

// Audit actions arrive as ids (`project.update`, `node.delete`…); say them in Chinese.
const OBJECT_LABEL: Record<string, string> = {
  project: '项目', annual_plan: '年度计划', plan: '年度计划', node: '关键节点', project_node: '关键节点',
  approval: '前期手续', project_approval: '前期手续', key_list: '重点级别', project_key_list: '重点级别', stage: '阶段',
};
const VERB_LABEL: [RegExp, string, string][] = [
  [/create|add|insert/i, '新增', 'green'],
  [/delete|remove/i, '删除', 'red'],
  [/stage|transition/i, '变更阶段', 'purple'],
  [/update|edit|patch|put|save/i, '修改', 'blue'],
];

function describeAction(entry: HistoryEntry): { text: string; color: string } {
  const verb = VERB_LABEL.find(([re]) => re.test(entry.action));
  const object = entry.objectLabel ?? OBJECT_LABEL[entry.objectType] ?? '';
  if (!verb) return { text: entry.action, color: 'default' };
  return { text: verb[1] === '变更阶段' ? verb[1] : `${verb[1]}${object}`, color: verb[2] };
}

// Bookkeeping columns that say nothing to the person reading the history.
const HIDDEN_FIELDS = new Set(['id', 'projectId', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'nameKey']);

const isBlank = (v: unknown) => v == null || v === '' || v === '[]' || (Array.isArray(v) && v.length === 0);

// Fields in the order the forms show them; others after.
const ORDER = [...fieldsOf(ALL_SECTIONS), 'stage', 'stageDate', 'year', 'level', 'kind', 'item', 'name', 'plannedDate', 'actualDate', 'status', 'doneDate'];
const fieldOrder = (field: string) => {
  const i = ORDER.indexOf(field as (typeof ORDER)[number]);
  return i < 0 ? ORDER.length : i;
};

/** A project's own fields read better with the project wording (项目名称 rather than 名称). */
function labelOf(entry: HistoryEntry, change: HistoryChange): string {
  if (entry.objectType === 'project' && fieldLabel(change.field) !== change.field) return fieldLabel(change.field);
  return change.label ?? fieldLabel(change.field);
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const nameOf = useNameOf();
  const changes = entry.changes
    .filter((c) => !HIDDEN_FIELDS.has(c.field) && !isSameValue(c.before, c.after) && !(isBlank(c.before) && isBlank(c.after)))
    .sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  if (!changes.length) return null;
  const show = (c: HistoryChange, v: unknown) => formatFieldValue(c.field, v, nameOf);
  // A new record has no "before", a deleted one no "after": show the one column that says something.
  const isCreate = changes.every((c) => c.before == null);
  const isDelete = changes.every((c) => c.after == null);
  const label = { title: '字段', key: 'label', width: 160, render: (_v: unknown, c: HistoryChange) => labelOf(entry, c) };
  const columns = isCreate
    ? [label, { title: '内容', key: 'after', render: (_v: unknown, c: HistoryChange) => show(c, c.after) }]
    : isDelete
      ? [label, { title: '删除前内容', key: 'before', render: (_v: unknown, c: HistoryChange) => show(c, c.before) }]
      : [
          label,
          { title: '修改前', key: 'before', width: '40%', render: (_v: unknown, c: HistoryChange) => <Typography.Text type="secondary">{show(c, c.before)}</Typography.Text> },
          { title: '修改后', key: 'after', width: '40%', render: (_v: unknown, c: HistoryChange) => <Typography.Text strong>{show(c, c.after)}</Typography.Text> },
        ];
  return (
    <Table<HistoryChange>
      size="small"
      bordered
      pagination={false}
      rowKey={(c) => c.field}
      dataSource={changes}
      tableLayout="fixed"
      style={{ marginTop: 6, maxWidth: 960 }}
      columns={columns}
    />
  );
}

/** 变更记录: who changed what and when, field by field (from the audit log). */
export function HistoryTab({ projectId }: { projectId: number }) {
  const { data, isPending, error, refetch } = useProjectHistory(projectId);
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!data.items.length) return <Empty description="暂无变更记录" />;
  const items = [...data.items].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="project-history"
      items={items.map((entry) => {
        const action = describeAction(entry);
        return {
          key: entry.id,
          children: (
            <div>
              <span className="num" style={{ marginInlineEnd: 8 }}>{dateTime(entry.at)}</span>
              <Typography.Text strong style={{ marginInlineEnd: 8 }}>{entry.username ?? '系统'}</Typography.Text>
              <Tag color={action.color} bordered={false}>{action.text}</Tag>
              <Changes entry={entry} />
            </div>
          ),
        };
      })}
    />
  );
}
