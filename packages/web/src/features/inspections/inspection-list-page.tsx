import { useState } from 'react';
import { Alert, Button, Empty, Grid, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { SearchBox } from '../../components/search-box';
import { useInspections, type InspectionSummary } from './api';
import { PlanModal } from './plan-modal';

// 督导检查: the plans of the office's joint inspections (五次联合督导检查 a year), how far each
// has got, and where the books were found ahead of the site.

const STATUS_COLOR = { planned: 'default', ongoing: 'processing', finished: 'success' } as const;
const FILTERS = [{ label: '全部', value: '' }, { label: '待检查', value: 'planned' }, { label: '检查中', value: 'ongoing' }, { label: '已完成', value: 'finished' }];

export function StatusTag({ plan }: { plan: Pick<InspectionSummary, 'status' | 'statusLabel'> }) {
  return <Tag color={STATUS_COLOR[plan.status]} style={{ marginInlineEnd: 0 }} data-testid="inspection-status">{plan.statusLabel}</Tag>;
}

export function VisitProgress({ plan, width }: { plan: Pick<InspectionSummary, 'progress'>; width?: number }) {
  const { visited, total } = plan.progress;
  return (
    <Space size={8} style={{ width }}>
      <Progress percent={total ? Math.round((visited / total) * 100) : 0} showInfo={false} size="small" style={{ width: 90, margin: 0 }} status={visited === total && total ? 'success' : 'normal'} />
      <span className="num">{visited}/{total} 个项目</span>
    </Space>
  );
}

function AheadMark({ count }: { count: number }) {
  return count ? <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="inspection-ahead">账面超前 {count} 个</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
}

function PlanCard({ plan }: { plan: InspectionSummary }) {
  return (
    <Link to={`/inspections/${plan.id}`} className="page-card report-card" style={{ marginBottom: 8 }} data-testid="inspection-card">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontSize: 16, fontWeight: 600, color: 'rgba(0,0,0,0.88)', lineHeight: 1.4 }}>{plan.title}</div>
          <Space size={8} wrap style={{ marginTop: 6 }}>
            <span className="num">{plan.plannedDate}</span>
            <StatusTag plan={plan} />
            {plan.booksAheadCount > 0 && <AheadMark count={plan.booksAheadCount} />}
          </Space>
          <div className="meta-line"><VisitProgress plan={plan} /></div>
          {plan.teamNames && <div className="meta-line"><span style={{ whiteSpace: 'normal' }}>检查组：{plan.teamNames}</span></div>}
        </div>
        <RightOutlined style={{ color: '#bfbfbf', marginTop: 6 }} />
      </div>
    </Link>
  );
}

export function InspectionListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const isNarrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const [isPlanning, setPlanning] = useState(false);
  const { data, error, isFetching } = useInspections({ status, q, page, pageSize: 20 });
  const set = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in change)) next.delete('page');
    setParams(next, { replace: true });
  };
  const items = data?.items ?? [];
  const empty = (
    <Empty description={me.can.inspect ? '还没有督导检查：计划一次检查，到现场核对月报所报进度是否属实' : '还没有督导检查'}>
      {me.can.inspect && <Button type="primary" onClick={() => setPlanning(true)}>计划检查</Button>}
    </Empty>
  );

  return (
    <div data-testid="inspection-list-page">
      <div className="page-card" style={{ marginBottom: 8 }}>
        <div className="page-title" style={{ marginBottom: 8 }}>
          <Space align="baseline" size={12}>
            <h1>督导检查</h1>
            <Typography.Text type="secondary">账面地面相结合：到现场核对月报和台账所报进度</Typography.Text>
          </Space>
          {me.can.inspect && <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="inspection-new">计划检查</Button>}
        </div>
        <Space wrap size={8}>
          <Segmented options={FILTERS} value={status} onChange={(v) => set({ status: String(v) })} data-testid="inspection-filter" />
          <SearchBox value={q} onChange={(v) => set({ q: v })} placeholder="搜索检查名称" testId="inspection-search" />
        </Space>
      </div>
      {error && <Alert type="error" showIcon message="督导检查加载失败" description={errorMessage(error)} style={{ marginBottom: 8 }} />}
      {isNarrow ? (
        <div data-testid="inspection-cards">{items.length ? items.map((p) => <PlanCard key={p.id} plan={p} />) : !isFetching && <div className="page-card">{empty}</div>}</div>
      ) : (
        <div className="page-card">
          <Table<InspectionSummary>
            size="small"
            rowKey="id"
            className="ledger-table nowrap-head"
            data-testid="inspection-table"
            loading={isFetching && !data}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            onRow={(p) => ({ onClick: () => navigate(`/inspections/${p.id}`) })}
            pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => set({ page: String(p) }), showTotal: (t) => `共 ${t} 次` }}
            locale={{ emptyText: isFetching && !data ? ' ' : empty }}
            columns={[
              { title: '检查名称', key: 'title', render: (_v, p) => <Link to={`/inspections/${p.id}`} onClick={(e) => e.stopPropagation()} style={{ fontWeight: 600 }} data-testid="inspection-link">{p.title}</Link> },
              { title: '检查日期', dataIndex: 'plannedDate', key: 'date', width: 110, render: (v: string) => <span className="num">{v}</span> },
              { title: '状态', key: 'status', width: 90, render: (_v, p) => <StatusTag plan={p} /> },
              { title: '检查进度', key: 'progress', width: 200, render: (_v, p) => <VisitProgress plan={p} /> },
              { title: '账面地面', key: 'ahead', width: 130, render: (_v, p) => <AheadMark count={p.booksAheadCount} /> },
              { title: '检查组', dataIndex: 'teamNames', key: 'team', ellipsis: true, width: 260, render: (v: string) => v || '—' },
            ]}
          />
        </div>
      )}
      {isPlanning && <PlanModal onClose={() => setPlanning(false)} onSaved={(id) => navigate(`/inspections/${id}`)} />}
    </div>
  );
}
