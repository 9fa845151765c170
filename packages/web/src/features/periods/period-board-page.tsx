import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Flex, Grid, Select, Space, Table } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../app/api-client';
import { LoadError, PageSpin } from '../../components/page-state';
import { SearchBox } from '../../components/search-box';
import { columnsWidth, STICKY_TABLE } from '../../components/table-width';
import { useReportList } from '../reports/api';
import type { ReportSummary } from '../reports/types';
import { usePeriod } from './api';
import { boardColumns } from './board-columns';
import { ClosePeriodModal } from './close-period-modal';
import { DeadlineModal } from './deadline-modal';
import { PeriodBoardHeader } from './period-board-header';
import { PeriodStatCards } from './period-stat-cards';
import { RemindActions } from './remind-actions';
import { BOARD_PAGE_SIZES, useBoardParams, type BoardStatus } from './use-board-params';

const STATUS_OPTIONS: { value: BoardStatus; label: string }[] = [
  { value: 'not_started', label: '未填报' }, { value: 'draft', label: '草稿' }, { value: 'returned', label: '已退回' },
  { value: 'submitted', label: '已报送待审' }, { value: 'approved', label: '已审核' }, { value: 'missing', label: '逾期未报' }, { value: 'late', label: '迟报' },
];
/** How long the page waits for a background archive before asking to look again later. */
const ARCHIVE_WAIT_MS = 5 * 60_000;

/** /periods/:id 「月报进度」: who has reported this month, who is late, and the office's actions. */
export function PeriodBoardPage() {
  const id = Number(useParams().id);
  const isValidId = Number.isSafeInteger(id) && id > 0;
  const navigate = useNavigate();
  const { message } = App.useApp();
  // While an archive is being built the period is polled until its archive changes.
  const [archiveWait, setArchiveWait] = useState<{ before: string | null; until: number } | null>(null);
  const { data: period, error, isPending, refetch } = usePeriod(id, { poll: archiveWait != null });
  const { params, update, filter } = useBoardParams();
  const list = useReportList({ periodId: id, status: params.status, q: params.q, page: params.page, pageSize: params.pageSize }, isValidId);
  const [selected, setSelected] = useState<ReportSummary[]>([]);
  const [dialog, setDialog] = useState<'close' | 'deadline' | null>(null);
  const isNarrow = Grid.useBreakpoint().md === false;
  const columns = useMemo(() => boardColumns({ isNarrow }), [isNarrow]);

  useEffect(() => {
    if (!archiveWait || !period) return;
    if (period.archive && period.archive.at !== archiveWait.before) {
      setArchiveWait(null);
      message.success('月度归档已生成，可以下载');
    } else if (Date.now() > archiveWait.until) {
      setArchiveWait(null);
      message.warning('归档仍在生成，请稍后刷新页面查看');
    }
  }, [archiveWait, period, message]);

  const back = <Link to="/periods"><Button icon={<ArrowLeftOutlined />}>返回月报管理</Button></Link>;
  if (!isValidId) return <LoadError error={new Error('月报编号不正确')} extra={back} />;
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} extra={back} />;

  const waitForArchive = () => setArchiveWait({ before: period.archive?.at ?? null, until: Date.now() + ARCHIVE_WAIT_MS });
  const isSelectable = period.canManage && period.status === 'open';
  const isFiltered = params.status != null || params.q !== '';
  const empty = isFiltered ? (
    <Empty description={params.status ? `没有「${STATUS_OPTIONS.find((o) => o.value === params.status)?.label ?? ''}」${params.q ? '且符合搜索' : ''}的月报` : '没有符合搜索的月报'}>
      <Button onClick={() => filter({ status: null, q: '' })}>清空筛选</Button>
    </Empty>
  ) : <Empty description="本月没有需要报送的项目" />;

  return (
    <Flex vertical gap={12} data-testid="period-board">
      <PeriodBoardHeader
        period={period}
        isArchiving={archiveWait != null}
        onEditDeadline={() => setDialog('deadline')}
        onClosePeriod={() => setDialog('close')}
        onArchiving={waitForArchive}
      />
      <PeriodStatCards counts={period.counts} active={params.status} onPick={(status) => filter({ status })} />
      <div className="page-card">
        <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Space wrap>
            <SearchBox value={params.q} onChange={(q) => filter({ q }, { replace: true })} placeholder="项目名称或代码" testId="board-q" />
            <Select<BoardStatus>
              allowClear
              placeholder="全部状态"
              value={params.status ?? undefined}
              options={STATUS_OPTIONS}
              onChange={(status) => filter({ status: status ?? null })}
              style={{ width: 130 }}
              data-testid="board-status"
            />
            <Button icon={<ReloadOutlined />} onClick={() => { void refetch(); void list.refetch(); }} loading={list.isFetching} aria-label="刷新" />
          </Space>
          {period.canManage && period.status === 'open' && (
            <RemindActions
              period={period}
              selected={selected}
              filter={{ status: params.status, q: params.q }}
              statusLabel={STATUS_OPTIONS.find((o) => o.value === params.status)?.label ?? null}
              onReminded={() => setSelected([])}
            />
          )}
        </Flex>
        {list.error && <Alert type="error" showIcon message="月报列表加载失败" description={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
        <Table<ReportSummary>
          className="ledger-table nowrap-head"
          data-testid="board-table"
          size="small"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          // 32: the checkbox column when rows can be picked.
          scroll={{ x: columnsWidth(columns) + (isSelectable ? 32 : 0) }}
          sticky={STICKY_TABLE}
          locale={{ emptyText: list.isFetching && !list.data ? ' ' : empty }}
          onRow={(r) => ({
            // The checkbox cell picks rows for 催报; the rest of the row opens the report.
            onClick: (e) => { if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) navigate(`/reports/${r.id}`); },
          })}
          rowSelection={isSelectable ? {
            selectedRowKeys: selected.map((r) => r.id),
            preserveSelectedRowKeys: true,
            onChange: (_keys, rows) => setSelected(rows.filter((r): r is ReportSummary => r != null)),
            getCheckboxProps: (r) => ({ disabled: r.status !== 'draft' && r.status !== 'returned' }),
          } : undefined}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: BOARD_PAGE_SIZES.map(String),
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 份`,
            onChange: (page, pageSize) => update({ page: pageSize === params.pageSize ? page : 1, pageSize }),
          }}
        />
      </div>
      {dialog === 'close' && <ClosePeriodModal period={period} onClose={() => setDialog(null)} onClosed={(isArchiving) => { setDialog(null); if (isArchiving) waitForArchive(); }} />}
      {dialog === 'deadline' && <DeadlineModal period={period} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
