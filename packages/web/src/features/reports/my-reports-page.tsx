import { Alert, Button, Empty, Grid, Space, Table, Typography } from 'antd';
import { CameraOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../app/api-client';
import { numberCell, wan } from '../../components/format';
import { PageSpin } from '../../components/page-state';
import { useReportList } from './api';
import { periodLabel } from '../periods/period-format';
import { DeadlineText, isToDo, ReportStatusTag } from './report-status';
import type { ReportSummary } from './types';

// 我的月报: the company clerk's reports in the months the office has opened, to-do first.

/** Returned first (someone is waiting for the fix), then not yet sent, then sent, then approved. */
const RANK = { returned: 0, draft: 1, submitted: 2, approved: 3 } as const;

function byUrgency(a: ReportSummary, b: ReportSummary): number {
  return RANK[a.status] - RANK[b.status] || b.period.localeCompare(a.period) || a.deadline.localeCompare(b.deadline) || a.projectName.localeCompare(b.projectName, 'zh-CN');
}

function PhotoCount({ report }: { report: ReportSummary }) {
  const problems = report.failedCount + report.flaggedCount;
  return (
    <span className="num">
      <CameraOutlined /> {report.photoCount} 张
      {problems > 0 && <Typography.Text type={report.failedCount ? 'danger' : 'warning'}>（{report.failedCount ? `${report.failedCount} 张未通过核验` : `${report.flaggedCount} 张待核实`}）</Typography.Text>}
    </span>
  );
}

function ReportCard({ report }: { report: ReportSummary }) {
  return (
    <Link to={`/reports/${report.id}`} className="page-card report-card" data-testid="my-report-card">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontSize: 16, fontWeight: 600, color: 'rgba(0,0,0,0.88)', lineHeight: 1.4 }}>{report.projectName}</div>
          <Space size={8} wrap style={{ marginTop: 6 }}>
            <span style={{ color: 'rgba(0,0,0,0.88)' }}>{periodLabel(report.period)}</span>
            <ReportStatusTag report={report} />
          </Space>
          <div className="meta-line">
            <span><DeadlineText report={report} /></span>
            <span><PhotoCount report={report} /></span>
          </div>
          {report.status === 'returned' && (
            <Typography.Paragraph type="danger" ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0' }} data-testid="my-report-reason">
              退回原因：{report.reviewComment ?? '请打开查看'}
            </Typography.Paragraph>
          )}
        </div>
        <RightOutlined style={{ color: '#bfbfbf', marginTop: 6 }} />
      </div>
    </Link>
  );
}

function actionText(report: ReportSummary): string {
  if (report.status === 'returned') return '修改';
  if (report.status === 'draft') return report.isStarted ? '继续填报' : '填报';
  return '查看';
}

export function MyReportsPage() {
  const navigate = useNavigate();
  const isNarrow = Grid.useBreakpoint().md === false;
  const { data, error, isPending, isFetching, refetch } = useReportList({ pageSize: 500 });
  const items = [...(data?.items ?? [])].sort(byUrgency);
  const toDo = items.filter(isToDo).length;

  const empty = (
    <Empty
      data-testid="my-reports-empty"
      description={
        <div style={{ maxWidth: 420, margin: '0 auto', textAlign: 'left' }}>
          <div style={{ fontWeight: 600, marginBottom: 4, textAlign: 'center' }}>目前没有需要填报的月报</div>
          重点项目办开启某月的月报后，本单位负责的项目会自动出现在这里，您也会收到消息提醒。
          届时请在截止日前填写本月完成投资、形象进度，上传现场照片后报送。
        </div>
      }
    />
  );

  return (
    <div data-testid="my-reports-page">
      <div className="page-card" style={{ marginBottom: 8 }}>
        <div className="page-title" style={{ marginBottom: 0 }}>
          <Space align="baseline" size={12} wrap>
            <h1>我的月报</h1>
            <Typography.Text type="secondary">
              {data ? (toDo ? `待填报或待修改 ${toDo} 份` : items.length ? '本期月报均已报送' : '') : ''}
            </Typography.Text>
          </Space>
          <Button size={isNarrow ? 'large' : 'middle'} icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()} aria-label="刷新">{!isNarrow && '刷新'}</Button>
        </div>
      </div>
      {error && <Alert type="error" showIcon message="月报加载失败" description={errorMessage(error)} style={{ marginBottom: 8 }} />}
      {isPending ? <PageSpin /> : isNarrow ? (
        <div style={{ display: 'grid', gap: 8 }} data-testid="my-reports-cards">
          {items.length ? items.map((r) => <ReportCard key={r.id} report={r} />) : <div className="page-card">{empty}</div>}
        </div>
      ) : (
        <div className="page-card">
          <Table<ReportSummary>
            className="ledger-table"
            data-testid="my-reports-table"
            size="middle"
            rowKey="id"
            dataSource={items}
            pagination={false}
            locale={{ emptyText: empty }}
            onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`) })}
            columns={[
              {
                title: '项目', key: 'project',
                render: (_v, r) => (
                  <>
                    <div style={{ fontWeight: 500 }}>{r.projectName}</div>
                    {r.status === 'returned' && <Typography.Text type="danger" style={{ fontSize: 12 }}>退回原因：{r.reviewComment ?? '请打开查看'}</Typography.Text>}
                  </>
                ),
              },
              { title: '月份', dataIndex: 'period', width: 110, render: (p: string) => periodLabel(p) },
              { title: '状态', key: 'status', width: 90, render: (_v, r) => <ReportStatusTag report={r} /> },
              { title: '截止日期', key: 'deadline', width: 210, render: (_v, r) => <DeadlineText report={r} /> },
              { title: '本月完成投资（万元）', dataIndex: 'thisMonth', width: 170, align: 'right', render: (v: number | null) => <span style={numberCell}>{v == null ? '—' : wan(v)}</span> },
              { title: '现场照片', key: 'photos', width: 180, render: (_v, r) => <PhotoCount report={r} /> },
              {
                title: '操作', key: 'op', width: 100,
                render: (_v, r) => <Link to={`/reports/${r.id}`} onClick={(e) => e.stopPropagation()}><Button type={isToDo(r) ? 'primary' : 'default'} size="small">{actionText(r)}</Button></Link>,
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
