import { useState } from 'react';
import { Segmented, Table, Tag, Typography } from 'antd';
import { changeText, isNewProject } from './change-text';
import type { ImportRow, RowAction } from './types';

type ActionFilter = 'all' | RowAction;

export const ACTION_TAG: Record<RowAction, { text: string; color: string }> = {
  create: { text: '新增', color: 'green' },
  update: { text: '更新', color: 'blue' },
  unchanged: { text: '无变化', color: 'default' },
  error: { text: '错误', color: 'red' },
};

const ACTIONS: RowAction[] = ['create', 'update', 'unchanged', 'error'];

function Changes({ row }: { row: ImportRow }) {
  const errors = row.problems.filter((p) => p.level === 'error');
  const isNew = isNewProject(row.action, row.changes);
  return (
    <div style={{ maxWidth: 720 }}>
      {errors.map((p, i) => <div key={`e${i}`}><Typography.Text type="danger">{p.message}</Typography.Text></div>)}
      {row.changes.map((c, i) => <div key={i}>{changeText(c, isNew)}</div>)}
      {!errors.length && !row.changes.length && <Typography.Text type="secondary">与台账一致</Typography.Text>}
    </div>
  );
}

/** 逐行结果: what each project row of the file will do. */
export function RowTable({ rows, showSheet }: { rows: ImportRow[]; showSheet: boolean }) {
  const [action, setAction] = useState<ActionFilter>('all');
  const shown = action === 'all' ? rows : rows.filter((r) => r.action === action);
  const count = (a: RowAction) => rows.filter((r) => r.action === a).length;
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>逐行结果</Typography.Title>
        <Segmented<ActionFilter>
          size="small"
          value={action}
          onChange={setAction}
          options={[{ value: 'all', label: `全部 ${rows.length}` }, ...ACTIONS.map((a) => ({ value: a, label: `${ACTION_TAG[a].text} ${count(a)}` }))]}
          data-testid="import-rows-filter"
        />
      </div>
      <Table<ImportRow>
        size="small"
        bordered
        rowKey={(r) => `${r.sheet}:${r.row}`}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: ['50', '100', '200'], hideOnSinglePage: true, showTotal: (t) => `共 ${t} 行` }}
        locale={{ emptyText: '没有符合条件的行' }}
        data-testid="import-rows"
        columns={[
          ...(showSheet ? [{ title: '工作表', dataIndex: 'sheet', width: 110 }] : []),
          { title: '行号', dataIndex: 'row', width: 60, render: (v: number) => <span className="num">{v}</span> },
          { title: '项目名称', dataIndex: 'name', width: 260, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: '处理', dataIndex: 'action', width: 72,
            render: (v: RowAction) => <Tag color={ACTION_TAG[v].color} bordered={false} style={{ marginInlineEnd: 0 }}>{ACTION_TAG[v].text}</Tag>,
          },
          { title: '变更内容', key: 'changes', render: (_v: unknown, r: ImportRow) => <Changes row={r} /> },
        ]}
      />
    </div>
  );
}
