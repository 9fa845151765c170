import { Button, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { daysBetween } from '@tuijin/core';
import { dateTime, text, wan } from '../../components/format';
import { periodLabel } from '../periods/period-format';
import { PhotoCounts, PunctualityTag } from './status-tags';
import type { ReportSummary } from './types';

// The review queue's table, narrow enough for 1440 px beside the menu: the unit goes into one
// header over both sums, the photo count and its doubts share a cell, and a department's own
// queue leaves out 责任单位 (it is always itself).

export type ReviewTab = 'pending' | 'returned' | 'approved';

const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const shortTime = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '');
const money = (v: number | null) => <span className="num">{v == null ? '—' : wan(v)}</span>;

function SentCell({ report, tab, now }: { report: ReportSummary; tab: ReviewTab; now: string }) {
  const waited = tab === 'pending' && report.submittedAt ? daysBetween(chinaDay(report.submittedAt), now) : 0;
  return (
    <span className="cell-wrap">
      <Tooltip title={dateTime(report.submittedAt)}><span className="num">{shortTime(report.submittedAt)}</span></Tooltip>
      <PunctualityTag punctuality={report.punctuality} />
      {waited > 0 && <Typography.Text type={waited >= 3 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>已等 {waited} 天</Typography.Text>}
    </span>
  );
}

/** On a phone the photo column is off to the right: a report with failed photos says so by its name. */
export function reviewColumns({ tab, now, showResponsible, isNarrow }: { tab: ReviewTab; now: string; showResponsible: boolean; isNarrow: boolean }): TableColumnsType<ReportSummary> {
  const isPending = tab === 'pending';
  return [
    // Open months are this one and perhaps the last: the month alone is clear.
    { title: '月份', key: 'period', width: 56, render: (_v, r) => <Tooltip title={periodLabel(r.period)}><span className="num">{Number(r.period.slice(5))}月</span></Tooltip> },
    {
      title: '项目名称', key: 'project', width: isNarrow ? 170 : 200,
      render: (_v, r) => (
        <span className="cell-wrap">
          <Link to={`/reports/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="review-report-link">{r.projectName}</Link>
          {r.returnCount > 0 && <Tooltip title={`已退回 ${r.returnCount} 次`}><Tag bordered={false} color="orange" style={{ marginInlineEnd: 0 }}>第{r.returnCount + 1}次报送</Tag></Tooltip>}
          {isNarrow && r.failedCount > 0 && <Tag bordered={false} color="red" style={{ marginInlineEnd: 0 }}>{r.failedCount} 张照片未通过</Tag>}
        </span>
      ),
    },
    { title: '项目单位', key: 'owner', width: 170, ellipsis: { showTitle: true }, render: (_v, r) => text(r.ownerOrgName) },
    ...(showResponsible ? [{ title: '责任单位', key: 'resp', width: 110, ellipsis: { showTitle: true }, render: (_v: unknown, r: ReportSummary) => text(r.responsibleOrgName) }] : []),
    isPending
      ? { title: '报送时间', key: 'submittedAt', width: 150, render: (_v, r) => <SentCell report={r} tab={tab} now={now} /> }
      : {
        title: '报送 / 审核', key: 'times', width: 150,
        render: (_v, r) => (
          <>
            <SentCell report={r} tab={tab} now={now} />
            <Tooltip title={`审核于 ${dateTime(r.reviewedAt)}`}><span className="cell-sub num">审核 {shortTime(r.reviewedAt)}</span></Tooltip>
          </>
        ),
      },
    {
      title: '投资（万元）', key: 'money',
      children: [
        { title: '本月', key: 'thisMonth', width: 88, align: 'right', render: (_v, r) => (r.noChange ? <Typography.Text type="secondary">无变化</Typography.Text> : money(r.thisMonth)) },
        { title: '本年累计', key: 'ytd', width: 100, align: 'right', render: (_v, r) => money(r.ytd) },
      ],
    },
    { title: '照片核验', key: 'photos', width: 140, render: (_v, r) => <PhotoCounts {...r} /> },
    ...(isPending ? [{
      title: '', key: 'op', width: 64, fixed: 'right' as const, align: 'center' as const,
      render: (_v: unknown, r: ReportSummary) => <Link to={`/reports/${r.id}`} onClick={(e) => e.stopPropagation()}><Button type="primary" size="small">审核</Button></Link>,
    }] : []),
  ];
}

