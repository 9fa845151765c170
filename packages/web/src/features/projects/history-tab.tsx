import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import { LoadError, PageSpin } from '../../components/page-state';
import { dateTime } from '../../components/format';
import { useProjectHistory } from './api';
import { fieldLabel, formatFieldValue, useNameOf } from './field-format';
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
  const object = OBJECT_LABEL[entry.objectType] ?? '';
  return verb ? { text: `${verb[1]}${object}`, color: verb[2] } : { text: entry.action, color: 'default' };
}

function Changes({ changes }: { changes: HistoryChange[] }) {
  const nameOf = useNameOf();
  if (!changes.length) return null;
  return (
    <Table<HistoryChange>
      size="small"
      bordered
      pagination={false}
      rowKey={(c) => c.field}
      dataSource={changes}
      style={{ marginTop: 6, maxWidth: 900 }}
      columns={[
        { title: '字段', key: 'label', width: 160, render: (_v, c) => c.label ?? fieldLabel(c.field) },
        { title: '修改前', key: 'before', render: (_v, c) => <Typography.Text type="secondary" delete={c.before != null}>{formatFieldValue(c.field, c.before, nameOf)}</Typography.Text> },
        { title: '修改后', key: 'after', render: (_v, c) => <Typography.Text strong>{formatFieldValue(c.field, c.after, nameOf)}</Typography.Text> },
      ]}
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
              <Changes changes={entry.changes} />
            </div>
          ),
        };
      })}
    />
  );
}
