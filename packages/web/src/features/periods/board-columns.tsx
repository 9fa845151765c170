import { Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { dateTime, EMPTY, wan } from '../../components/format';
import { PhotoCounts, PunctualityTag, ReportStatusTag } from '../reports/status-tags';
import type { ReportSummary } from '../reports/types';

// The month board's table: who reports, in what state, when, what figures, how the photos fared,
// how often reminded. Narrow enough for 1440 px beside the menu: the two units share a cell,
// the unit (万元) heads both sums once, and a cell with several marks wraps inside itself.

const money = (value: number | null) => <span className="num">{value == null ? '—' : wan(value)}</span>;
/** A 无变化 month did nothing; its year-to-date stays what it was. */
const thisMonth = (r: ReportSummary) => (r.noChange && r.status !== 'draft' ? <Typography.Text type="secondary">无变化</Typography.Text> : money(r.thisMonth));

/** The month is in the page title, so a time within it needs no year. */
const shortTime = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '');

const oneLine = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/** On a phone the project column scrolls with the rest: pinned, it would leave no room for the others. */
export function boardColumns({ isNarrow }: { isNarrow: boolean }): TableColumnsType<ReportSummary> {
  return [
    {
      title: '项目名称', key: 'project', width: isNarrow ? 160 : 190, fixed: isNarrow ? undefined : 'left',
      render: (_v, r) => (
        <div>
          <Link to={`/reports/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="board-report-link">{r.projectName}</Link>
          {r.projectCode && <div className="num" style={{ fontSize: 12, color: '#8c8c8c' }}>{r.projectCode}</div>}
        </div>
      ),
    },
    {
      title: '项目单位 / 责任单位', key: 'orgs', width: 170,
      render: (_v, r) => (
        <div>
          <div style={oneLine} title={r.ownerOrgName ?? undefined}>{r.ownerOrgName ?? EMPTY}</div>
          <div className="cell-sub" title={r.responsibleOrgName ? `责任单位：${r.responsibleOrgName}` : undefined}>{r.responsibleOrgName ?? EMPTY}</div>
        </div>
      ),
    },
    {
      title: '状态', key: 'status', width: 96,
      render: (_v, r) => (
        <span className="cell-wrap">
          <ReportStatusTag status={r.status} isStarted={r.isStarted} />
          {r.returnCount > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>退回{r.returnCount}次</Typography.Text>}
        </span>
      ),
    },
    {
      title: '报送时间', key: 'submittedAt', width: 120,
      render: (_v, r) => (
        <span className="cell-wrap">
          <Tooltip title={r.submittedAt ? dateTime(r.submittedAt) : undefined}><span className="num">{shortTime(r.submittedAt)}</span></Tooltip>
          <PunctualityTag punctuality={r.punctuality} />
        </span>
      ),
    },
    {
      title: '投资（万元）', key: 'money',
      children: [
        { title: '本月', key: 'thisMonth', width: 88, align: 'right', render: (_v, r) => thisMonth(r) },
        { title: '本年累计', key: 'ytd', width: 100, align: 'right', render: (_v, r) => money(r.ytd) },
      ],
    },
    { title: '现场照片', key: 'photos', width: 130, render: (_v, r) => <PhotoCounts {...r} /> },
    {
      title: '催报', key: 'remind', width: 56, align: 'center',
      render: (_v, r) => (r.remindCount ? (
        <Tooltip title={`最近一次：${dateTime(r.remindedAt)}`}><span className="num">{r.remindCount} 次</span></Tooltip>
      ) : <span style={{ color: '#bfbfbf' }}>—</span>),
    },
  ];
}
