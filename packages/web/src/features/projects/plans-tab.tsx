import { useState } from 'react';
import { Button, Empty, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ratio } from '@tuijin/core';
import { percent, text, wan } from '../../components/format';
import { PlanEditor } from './plan-editor';
import type { AnnualPlan, ProjectDetail } from './types';

const money = (v: number | null) => <span className="num">{v == null ? '—' : wan(v)}</span>;

function MonthlyRow({ plan }: { plan: AnnualPlan }) {
  if (!plan.monthly) return <Typography.Text type="secondary">未分解到月</Typography.Text>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(12, minmax(72px, 1fr))', gap: 4 }}>
      {plan.monthly.map((m, i) => (
        <div key={i} style={{ textAlign: 'right', background: '#fafafa', padding: '4px 6px', borderRadius: 4 }}>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{i + 1}月</div>
          <div className="num">{wan(m)}</div>
        </div>
      ))}
    </div>
  );
}

/** 年度计划: one row per year (计划/力争/完成), the monthly breakdown on expansion. */
export function PlansTab({ detail }: { detail: ProjectDetail }) {
  const [editing, setEditing] = useState<AnnualPlan | 'new' | null>(null);
  const plans = [...detail.plans].sort((a, b) => b.year - a.year);
  return (
    <>
      {detail.canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="plan-add">编制年度计划</Button>
        </Flex>
      )}
      <Table<AnnualPlan>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={plans}
        data-testid="plans-table"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="尚未编制年度计划" /> }}
        expandable={{ expandedRowRender: (p) => <MonthlyRow plan={p} />, rowExpandable: () => true }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y} 年` },
          { title: '计划投资（万元）', dataIndex: 'plan', align: 'right', width: 140, render: money },
          { title: '力争投资（万元）', dataIndex: 'target', align: 'right', width: 140, render: money },
          { title: '已完成（万元）', dataIndex: 'completed', align: 'right', width: 130, render: money },
          { title: '完成率', key: 'rate', align: 'right', width: 90, render: (_v, p) => <span className="num">{percent(ratio(p.completed, p.plan))}</span> },
          { title: '截止月份', dataIndex: 'completedThrough', width: 100, render: (v: string | null) => text(v) },
          { title: '上年同期（万元）', dataIndex: 'completedLastYear', align: 'right', width: 140, render: money },
          { title: '形象进度目标', dataIndex: 'progressGoal', render: (v: string | null) => text(v) },
          ...(detail.canEdit
            ? [{ title: '操作', key: 'op', width: 80, render: (_v: unknown, p: AnnualPlan) => <Button type="link" size="small" onClick={() => setEditing(p)}>编辑</Button> }]
            : []),
        ]}
      />
      {editing && <PlanEditor detail={detail} plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
