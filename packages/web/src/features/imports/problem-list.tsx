import { useState } from 'react';
import { Alert, Segmented, Table, Tag, Typography } from 'antd';
import type { ImportProblem } from '@tuijin/core';

type LevelFilter = 'all' | 'error' | 'warning';

export const LEVEL_TAG: Record<ImportProblem['level'], { text: string; color: string }> = {
  error: { text: '错误', color: 'red' },
  warning: { text: '提示', color: 'orange' },
};

/** Errors must be put right before the commit; warnings are worth a look but do not block it. */
export function ProblemList({ problems, title = '问题清单' }: { problems: ImportProblem[]; title?: string }) {
  const [level, setLevel] = useState<LevelFilter>('all');
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  const shown = level === 'all' ? problems : problems.filter((p) => p.level === level);
  const sorted = [...shown].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  if (!problems.length) {
    return <Alert type="success" showIcon message="未发现问题" style={{ marginBottom: 16 }} data-testid="import-problems" />;
  }
  return (
    <div data-testid="import-problems" style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{title}</Typography.Title>
        <Segmented<LevelFilter>
          size="small"
          value={level}
          onChange={setLevel}
          options={[
            { value: 'all', label: `全部 ${problems.length}` },
            { value: 'error', label: `错误 ${errors}` },
            { value: 'warning', label: `提示 ${warnings}` },
          ]}
          data-testid="import-problems-filter"
        />
      </div>
      <Table<ImportProblem>
        size="small"
        bordered
        rowKey={(_p, i) => String(i)}
        dataSource={sorted}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small', showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: level === 'error' ? '没有错误' : level === 'warning' ? '没有提示' : '没有发现问题' }}
        rowClassName={(p) => `import-problem-${p.level}`}
        columns={[
          {
            title: '级别', dataIndex: 'level', width: 64,
            render: (v: ImportProblem['level']) => <Tag color={LEVEL_TAG[v].color} bordered={false} style={{ marginInlineEnd: 0 }}>{LEVEL_TAG[v].text}</Tag>,
          },
          { title: '工作表', dataIndex: 'sheet', width: 120, render: (v: string) => v || '—' },
          { title: '行', dataIndex: 'row', width: 56, render: (v: number | undefined) => <span className="num">{v ?? '—'}</span> },
          { title: '列', dataIndex: 'column', width: 48, render: (v: string | undefined) => v ?? '—' },
          {
            title: '说明', dataIndex: 'message',
            render: (v: string, p) => <Typography.Text type={p.level === 'error' ? 'danger' : 'warning'}>{v}</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
