import { useState } from 'react';
import { Alert, Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { dateTime } from '../../components/format';
import { today } from '../../components/year-select';
import type { PeriodView } from '../reports/types';
import { usePeriods } from './api';
import { OpenPeriodModal } from './open-period-modal';
import { daysOverdue, fileSize, periodLabel } from './period-format';
import { PeriodProgress, PeriodStatusTag } from './period-progress';
import { ReportSettingsModal } from './report-settings-modal';

function DeadlineCell({ p, now }: { p: PeriodView; now: string }) {
  const late = p.status === 'open' ? daysOverdue(p.deadline, now) : 0;
  return (
    <span className="num">
      {p.deadline}
      {late > 0 && <Typography.Text type="danger" style={{ marginInlineStart: 6, fontSize: 12 }}>已过 {late} 天</Typography.Text>}
    </span>
  );
}

/** /periods 「月报管理」: every reporting month, its progress, and (for the office) opening and settings. */
export function PeriodListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { data, error, isFetching } = usePeriods();
  const [dialog, setDialog] = useState<'open' | 'settings' | null>(null);
  const canManage = me.can.managePeriods;
  const items = data?.items ?? [];
  const now = today();
  // Months opened by this office (a city's months show too, but do not block opening our own).
  const opened = items.filter((p) => p.regionCode === me.regionCode).map((p) => p.period);

  return (
    <div className="page-card" data-testid="period-list-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>月报管理</h1>
          <Typography.Text type="secondary">{me.regionName} · 每月开启月报，项目单位报送进展和现场照片，责任单位审核</Typography.Text>
        </Space>
        {canManage && (
          <Space>
            <Button icon={<SettingOutlined />} onClick={() => setDialog('settings')} data-testid="period-settings">月报设置</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('open')} data-testid="period-open">开启月报</Button>
          </Space>
        )}
      </div>
      {error && <Alert type="error" showIcon message="月报列表加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<PeriodView>
        size="small"
        rowKey="id"
        className="ledger-table nowrap-head"
        data-testid="period-table"
        loading={isFetching && !data}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(p) => ({ onClick: () => navigate(`/periods/${p.id}`) })}
        locale={{
          emptyText: isFetching && !data ? ' ' : (
            <Empty description={canManage ? '尚未开启月报：开启后，各项目单位即可报送本月进展和现场照片' : '尚未开启月报'}>
              {canManage && <Button type="primary" onClick={() => setDialog('open')}>开启月报</Button>}
            </Empty>
          ),
        }}
        columns={[
          {
            title: '月份', key: 'period', width: 150,
            render: (_v, p) => (
              <Space size={6} wrap={false}>
                <Link to={`/periods/${p.id}`} onClick={(e) => e.stopPropagation()} style={{ fontWeight: 600, whiteSpace: 'nowrap' }} data-testid="period-link">{periodLabel(p.period)}</Link>
                {p.regionCode !== me.regionCode && <Tag bordered={false} style={{ marginInlineEnd: 0 }}>{p.regionName}</Tag>}
              </Space>
            ),
          },
          {
            title: '状态', key: 'status', width: 130,
            render: (_v, p) => (
              <Space size={4} wrap={false}>
                <PeriodStatusTag period={p} />
                {p.isAutoOpened && <Tooltip title={`系统于 ${dateTime(p.openedAt)} 按设置自动开启`}><Tag bordered={false} color="cyan" style={{ marginInlineEnd: 0 }}>自动</Tag></Tooltip>}
              </Space>
            ),
          },
          { title: '报送进度', key: 'progress', render: (_v, p) => <PeriodProgress counts={p.counts} compact /> },
          { title: '报送截止', key: 'deadline', width: 150, render: (_v, p) => <DeadlineCell p={p} now={now} /> },
          { title: '应报', key: 'total', width: 70, align: 'right', render: (_v, p) => <span className="num">{p.counts.total}</span> },
          {
            title: '月度归档', key: 'archive', width: 140,
            render: (_v, p) => {
              if (p.archive && p.canDownloadArchive) {
                return (
                  <a href={p.archive.url} download onClick={(e) => e.stopPropagation()} data-testid="period-archive-link">
                    <DownloadOutlined /> 下载 <span className="num" style={{ color: '#8c8c8c' }}>{fileSize(p.archive.size)}</span>
                  </a>
                );
              }
              if (p.archive) return <Typography.Text type="secondary">已归档</Typography.Text>;
              return <Typography.Text type="secondary">{p.status === 'closed' ? '未生成' : '—'}</Typography.Text>;
            },
          },
          { title: '说明', dataIndex: 'note', key: 'note', ellipsis: true, width: 200, render: (v: string | null) => v ?? '' },
        ]}
      />
      {dialog === 'open' && <OpenPeriodModal opened={opened} onClose={() => setDialog(null)} onOpened={(id) => navigate(`/periods/${id}`)} />}
      {dialog === 'settings' && <ReportSettingsModal onClose={() => setDialog(null)} />}
    </div>
  );
}
