import { Tooltip, Typography, type TableColumnType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { dateTime, text, wan } from '../../components/format';
import { PhotoCounts, PunctualityTag, ReportStatusTag } from '../reports/status-tags';
import type { ReportSummary } from '../reports/types';

// The month board's table: who reports, in what state, when, what figures, how the photos fared.

const money = (value: number | null) => <span className="num">{value == null ? '—' : wan(value)}</span>;
/** A 无变化 month did nothing; its year-to-date stays what it was. */
const thisMonth = (r: ReportSummary) => (r.noChange && r.status !== 'draft' ? <Typography.Text type="secondary">无变化</Typography.Text> : money(r.thisMonth));

/** The month is in the page title, so a time within it needs no year. */
const shortTime = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '');

export function boardColumns(): TableColumnType<ReportSummary>[] {
  return [
    {
      title: '项目名称', key: 'project', width: 190, fixed: 'left',
      render: (_v, r) => (
        <div>
          <Link to={`/reports/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="board-report-link">{r.projectName}</Link>
          {r.projectCode && <div className="num" style={{ fontSize: 12, color: '#8c8c8c' }}>{r.projectCode}</div>}
        </div>
      ),
    },
    { title: '项目单位', dataIndex: 'ownerOrgName', key: 'owner', width: 176, ellipsis: true, render: (v: string | null) => text(v) },
    { title: '责任单位', dataIndex: 'responsibleOrgName', key: 'resp', width: 110, ellipsis: true, render: (v: string | null) => text(v) },
    {
      title: '状态', key: 'status', width: 108,
      render: (_v, r) => (
        <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}>
          <ReportStatusTag status={r.status} isStarted={r.isStarted} />
          {r.returnCount > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>退回{r.returnCount}次</Typography.Text>}
        </span>
      ),
    },
    {
      title: '报送时间', key: 'submittedAt', width: 140,
      render: (_v, r) => (
        <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}>
          <Tooltip title={r.submittedAt ? dateTime(r.submittedAt) : undefined}><span className="num">{shortTime(r.submittedAt)}</span></Tooltip>
          <PunctualityTag punctuality={r.punctuality} />
        </span>
      ),
    },
    { title: '本月（万元）', key: 'thisMonth', width: 100, align: 'right', render: (_v, r) => thisMonth(r) },
    { title: '本年累计（万元）', key: 'ytd', width: 124, align: 'right', render: (_v, r) => money(r.ytd) },
    { title: '现场照片', key: 'photos', width: 140, render: (_v, r) => <PhotoCounts {...r} /> },
    {
      title: '催报', key: 'remind', width: 60, align: 'center',
      render: (_v, r) => (r.remindCount ? (
        <Tooltip title={`最近一次：${dateTime(r.remindedAt)}`}><span className="num">{r.remindCount} 次</span></Tooltip>
      ) : <span style={{ color: '#bfbfbf' }}>—</span>),
    },
  ];
}
