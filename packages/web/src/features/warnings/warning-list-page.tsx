import { useMemo } from 'react';
import { Alert, App, Button, Grid, Space, Table, Tabs, Typography } from 'antd';
import { SupervisionSettingsButton } from '../supervision-settings/supervision-settings-modal';
import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { dateTime } from '../../components/format';
import { columnsWidth, STICKY_TABLE } from '../../components/table-width';
import { useRecomputeWarnings, useWarnings, useWarningSummary } from './api';
import type { RollUp, WarningItem } from './types';
import { warningColumns } from './warning-columns';
import { WarningFilters } from './warning-filters';
import { WarningLevelCards } from './warning-level-cards';
import { RollUpTable } from './warning-rollups';
import { useWarningParams, type WarningTab } from './use-warning-params';

// 预警 (红黄绿): every live warning in the reader's scope, red first, each saying why; the
// level cards and roll-ups by 责任单位, 包保领导, 乡镇园区 (and county, for a city or province)
// show where the red sits. Warnings are recomputed every hour; the office may do it now.

const PAGE_SIZE = 50;
const ROLLUPS: { tab: Exclude<WarningTab, 'list'>; label: string; group: string; key: 'byDepartment' | 'byLeader' | 'byTownship' | 'byRegion' }[] = [
  { tab: 'department', label: '按责任单位', group: '责任单位', key: 'byDepartment' },
  { tab: 'leader', label: '按包保领导', group: '包保领导', key: 'byLeader' },
  { tab: 'township', label: '按乡镇园区', group: '乡镇园区', key: 'byTownship' },
  { tab: 'region', label: '按县（市、区）', group: '县（市、区）', key: 'byRegion' },
];
const FILTER_OF: Record<Exclude<WarningTab, 'list'>, 'responsibleOrgId' | 'leaderId' | 'townshipId' | 'regionCode'> = {
  department: 'responsibleOrgId', leader: 'leaderId', township: 'townshipId', region: 'regionCode',
};

export function WarningListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, update] = useWarningParams();
  const isNarrow = Grid.useBreakpoint().md === false;
  const summary = useWarningSummary(params.regionCode);
  const list = useWarnings({
    level: params.level, rule: params.rule, responsibleOrgId: params.responsibleOrgId, leaderId: params.leaderId, townshipId: params.townshipId,
    regionCode: params.regionCode, q: params.q, page: params.page, pageSize: PAGE_SIZE,
  });
  const recompute = useRecomputeWarnings();
  const showRegion = me.regionLevel !== 'county';
  const columns = useMemo(() => warningColumns({ isNarrow, showRegion }), [isNarrow, showRegion]);
  // A company reads only its own projects and a department only its own: no groups to compare.
  const rollups = me.role === 'reporter' ? [] : ROLLUPS.filter((r) => (r.key !== 'byRegion' || summary.data?.byRegion) && (r.tab !== 'department' || me.role !== 'department'));

  const run = async () => {
    try {
      const r = await recompute.mutateAsync();
      message.success(`已重新计算 ${r.projects} 个项目：新增预警 ${r.raised} 条，等级变化 ${r.changed} 条，解除 ${r.cleared} 条`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const pick = (tab: Exclude<WarningTab, 'list'>) => (row: RollUp) => {
    if (row.id == null) return;
    update({ tab: 'list', [FILTER_OF[tab]]: row.id });
  };

  return (
    <div className="page-card" data-testid="warning-list-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>预警</h1>
          <Typography.Text type="secondary" data-testid="warning-computed-at">
            {me.orgName ?? me.regionName} · 红黄绿预警每小时自动计算{summary.data?.computedAt ? `，最近一次 ${dateTime(summary.data.computedAt)}` : ''}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={() => { void summary.refetch(); void list.refetch(); }} loading={list.isFetching} aria-label="刷新" />
          <SupervisionSettingsButton />
          {me.can.manageObstacles && (
            <Button icon={<SyncOutlined />} onClick={() => void run()} loading={recompute.isPending} data-testid="warning-recompute">立即重新计算</Button>
          )}
        </Space>
      </div>
      {(summary.error ?? list.error) && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="预警加载失败" description={errorMessage(summary.error ?? list.error)} />}
      <WarningLevelCards summary={summary.data} active={params.level} onPick={(level) => update({ level, tab: 'list' })} />
      <Tabs
        activeKey={rollups.some((r) => r.tab === params.tab) ? params.tab : 'list'}
        onChange={(key) => update({ tab: key as WarningTab, page: params.page })}
        items={[
          { key: 'list', label: `预警清单${list.data ? `（${list.data.total}）` : ''}` },
          ...rollups.map((r) => ({ key: r.tab, label: r.label })),
        ]}
      />
      {!rollups.some((r) => r.tab === params.tab) ? (
        <>
          <div style={{ marginBottom: 12 }}><WarningFilters params={params} update={update} summary={summary.data} /></div>
          <Table<WarningItem>
            className="ledger-table nowrap-head"
            data-testid="warning-table"
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: columnsWidth(columns) }}
            sticky={STICKY_TABLE}
            onRow={(w) => ({ onClick: () => navigate(`/projects/${w.projectId}?tab=warnings`) })}
            pagination={{
              current: params.page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true,
              showTotal: (total) => `共 ${total} 条`, onChange: (page) => update({ page }),
            }}
            locale={{ emptyText: list.isFetching && !list.data ? ' ' : '没有符合条件的预警：项目均按计划推进，或请调整筛选条件' }}
          />
        </>
      ) : (
        rollups.filter((r) => r.tab === params.tab).map((r) => (
          <RollUpTable key={r.tab} rows={summary.data?.[r.key] ?? []} groupTitle={r.group} onPick={pick(r.tab)} loading={summary.isFetching} testId={`rollup-${r.tab}`} isNarrow={isNarrow} />
        ))
      )}
    </div>
  );
}
