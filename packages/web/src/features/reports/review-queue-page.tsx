import { useMemo } from 'react';
import { Alert, Badge, Button, Grid, Space, Table, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { dateTime } from '../../components/format';
import { SearchBox } from '../../components/search-box';
import { columnsWidth, STICKY_TABLE } from '../../components/table-width';
import { today } from '../../components/year-select';
import { useReportList } from './api';
import { reviewColumns, type ReviewTab } from './review-queue-columns';
import type { ReportSummary } from './types';

// 月报审核: what waits for this reviewer in the open months, the oldest first, with the photo
// checks' doubts counted so the reports that need a closer look stand out.

const TABS = ['pending', 'returned', 'approved'] as const satisfies readonly ReviewTab[];
type TabKey = ReviewTab;
const QUERY: Record<TabKey, { mine?: 'review'; status?: 'returned' | 'approved' }> = {
  pending: { mine: 'review' }, returned: { status: 'returned' }, approved: { status: 'approved' },
};
const PAGE = 500;

/** Pending: the longest waiting first. History: the latest decision first. */
function ordered(tab: TabKey, items: ReportSummary[]): ReportSummary[] {
  const key = (r: ReportSummary) => (tab === 'pending' ? r.submittedAt : r.reviewedAt) ?? '';
  return [...items].sort((a, b) => (tab === 'pending' ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
}

export function ReviewQueuePage() {
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'pending';
  const q = (search.get('q') ?? '').slice(0, 100);
  const pending = useReportList({ ...QUERY.pending, q, pageSize: PAGE });
  const current = useReportList({ ...QUERY[tab], q, pageSize: PAGE }, tab !== 'pending');
  const list = tab === 'pending' ? pending : current;
  const now = today();
  const items = useMemo(() => ordered(tab, list.data?.items ?? []), [tab, list.data]);
  // A department reviews only its own projects: 责任单位 would say the same on every row.
  const showResponsible = me.role !== 'department';
  const isNarrow = Grid.useBreakpoint().md === false;
  const cols = useMemo(() => reviewColumns({ tab, now, showResponsible, isNarrow }), [tab, now, showResponsible, isNarrow]);
  const waiting = pending.data?.items ?? [];
  const doubtful = waiting.filter((r) => r.failedCount > 0).length;
  const oldest = ordered('pending', waiting)[0];

  const setParam = (patch: { tab?: TabKey; q?: string }) => {
    const next = { tab, q, ...patch };
    const out = new URLSearchParams();
    if (next.tab !== 'pending') out.set('tab', next.tab);
    if (next.q) out.set('q', next.q);
    setSearch(out, { replace: true });
  };

  return (
    <div className="page-card" data-testid="review-queue">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>月报审核</h1>
          <Typography.Text type="secondary">{me.orgName ?? me.regionName} · 填报中月份的月报，审核通过或退回修改</Typography.Text>
        </Space>
        <Space wrap>
          <SearchBox value={q} onChange={(value) => setParam({ q: value })} placeholder="项目名称或代码" testId="review-q" />
          <Button icon={<ReloadOutlined />} onClick={() => { void pending.refetch(); void current.refetch(); }} loading={list.isFetching} aria-label="刷新" />
        </Space>
      </div>
      {tab === 'pending' && waiting.length > 0 && (
        <Alert
          type={doubtful ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="review-summary"
          message={`待审核 ${waiting.length} 份${oldest?.submittedAt ? `，最早一份报送于 ${dateTime(oldest.submittedAt)}` : ''}${doubtful ? `；其中 ${doubtful} 份有照片核验未通过，请重点核查拍摄时间、地点和是否重复` : ''}`}
        />
      )}
      {list.error && <Alert type="error" showIcon message="月报加载失败" description={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam({ tab: key as TabKey })}
        items={[
          { key: 'pending', label: <Badge count={waiting.length} size="small" offset={[10, -2]} overflowCount={999}>待审核</Badge> },
          { key: 'returned', label: '已退回' },
          { key: 'approved', label: '已审核' },
        ]}
      />
      <Table<ReportSummary>
        className="ledger-table nowrap-head"
        data-testid="review-table"
        size="small"
        bordered
        rowKey="id"
        columns={cols}
        dataSource={items}
        loading={list.isFetching}
        scroll={{ x: columnsWidth(cols) }}
        sticky={STICKY_TABLE}
        onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`) })}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 份` }}
        footer={list.data && list.data.total > PAGE ? () => `仅显示前 ${PAGE} 份，请用搜索缩小范围` : undefined}
        locale={{
          emptyText: list.isFetching && !list.data ? ' ' : (
            tab === 'pending' ? (q ? '没有符合条件的待审核月报' : '暂无待审核的月报：项目单位报送后会出现在这里，并有消息提醒')
              : tab === 'returned' ? '填报中的月份没有退回的月报' : '填报中的月份还没有审核通过的月报'
          ),
        }}
      />
    </div>
  );
}
