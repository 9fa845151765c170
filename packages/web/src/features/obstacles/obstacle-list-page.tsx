import { useMemo, useState } from 'react';
import { Alert, Button, Grid, Space, Table, Tabs, Typography } from 'antd';
import { SupervisionSettingsButton } from '../supervision-settings/supervision-settings-modal';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { SearchBox } from '../../components/search-box';
import { columnsWidth, STICKY_TABLE } from '../../components/table-width';
import { useObstacleList, useObstacleStats } from './api';
import { obstacleColumns } from './obstacle-columns';
import { ObstacleFilters } from './obstacle-filters';
import { ObstacleStatsTab } from './obstacle-stats-tab';
import { ObstacleDialog } from './raise-obstacle-dialog';
import type { ObstacleSummary } from './types';
import { listQuery, useObstacleParams, type ListView } from './use-obstacle-params';

// 问题督办: every obstacle in scope, the most serious first (约谈, 督办, 提醒, 交办) and the longest
// overdue first within each, which is the list a leader reads before a meeting; and who holds
// what, per 责任单位 and per 包保领导.

const PAGE_SIZE = 50;

function Summary() {
  const { data } = useObstacleStats('department');
  if (!data) return null;
  const t = data.total;
  return (
    <Typography.Text type="secondary" data-testid="obstacle-summary">
      办理中 <b className="num">{t.open}</b> 个，其中逾期 <Typography.Text type="danger" strong className="num">{t.overdue}</Typography.Text> 个、督办约谈中 <b className="num">{t.escalated}</b> 个；
      待销号 <b className="num">{t.resolved}</b> 个；已销号 <b className="num">{t.closed}</b> 个{t.medianDaysToClose != null && <>，办结用时中位数 <b className="num">{t.medianDaysToClose}</b> 天</>}
    </Typography.Text>
  );
}

export function ObstacleListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { params, update } = useObstacleParams();
  const [isRaising, setRaising] = useState(false);
  const isNarrow = Grid.useBreakpoint().md === false;
  const list = useObstacleList(listQuery(params, PAGE_SIZE), params.view === 'list');
  const cols = useMemo(() => obstacleColumns({ isNarrow }), [isNarrow]);

  return (
    <div className="page-card" data-testid="obstacle-list-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>问题督办</h1>
          <Typography.Text type="secondary">{me.orgName ?? me.regionName} · 要素制约问题交办、提醒、督办、约谈，直至销号</Typography.Text>
        </Space>
        <Space wrap>
          {params.view === 'list' && <SearchBox value={params.q} onChange={(q) => update({ q })} placeholder="项目或问题" testId="obstacle-q" />}
          <SupervisionSettingsButton />
          {me.can.manageObstacles && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="obstacle-raise">登记问题</Button>}
        </Space>
      </div>
      <div style={{ marginBottom: 8 }}><Summary /></div>
      <Tabs
        activeKey={params.view}
        onChange={(key) => update({ view: key as ListView })}
        items={[
          { key: 'list', label: '问题清单' },
          { key: 'department', label: '按责任单位' },
          { key: 'leader', label: '按包保领导' },
        ]}
      />
      {params.view === 'list' ? (
        <>
          <ObstacleFilters params={params} update={update} />
          {list.error && <Alert type="error" showIcon message="问题列表加载失败" description={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
          <Table<ObstacleSummary>
            size="small"
            bordered
            rowKey="id"
            className="ledger-table nowrap-head"
            data-testid="obstacle-table"
            columns={cols}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={isNarrow ? undefined : { x: columnsWidth(cols) }}
            sticky={STICKY_TABLE}
            onRow={(o) => ({ onClick: () => navigate(`/obstacles/${o.id}`) })}
            pagination={{
              current: params.page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true,
              showTotal: (total) => `共 ${total} 个`, onChange: (page) => update({ page }),
            }}
            locale={{ emptyText: list.isFetching && !list.data ? ' ' : '没有符合条件的问题：月报中报告的存在问题、督导检查的整改要求和联席会议交办的问题都会出现在这里' }}
          />
        </>
      ) : (
        <ObstacleStatsTab
          by={params.view}
          onPick={(id) => update({ view: 'list', status: 'open', ...(params.view === 'department' ? { ownerOrgId: id, leaderId: null } : { leaderId: id, ownerOrgId: null }) })}
        />
      )}
      {isRaising && <ObstacleDialog onClose={() => setRaising(false)} onSaved={(o) => navigate(`/obstacles/${o.id}`)} />}
    </div>
  );
}
