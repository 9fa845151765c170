import { Typography } from 'antd';
import { daysBetween, type Punctuality, type ReportStatus } from '@tuijin/core';
import { today } from '../../components/year-select';
import { ReportStatusTag as StatusTag } from './status-tags';

// How a report's state reads at a glance: its status tag, and where it stands with the deadline.

/** The month's status tag (shared with the office's lists), marked for the browser flows. */
export function ReportStatusTag({ report }: { report: { status: ReportStatus; isStarted: boolean } }) {
  return <span data-testid="report-status" data-status={report.status}><StatusTag status={report.status} isStarted={report.isStarted} /></span>;
}

/** Whether the company still has something to do on it (fill or fix). */
export function isToDo(report: { status: ReportStatus }): boolean {
  return report.status === 'draft' || report.status === 'returned';
}

/** 截止日期 with what it means today: days left, due today, 已逾期 (red), or how it was sent. */
export function DeadlineText({ report, short }: { report: { deadline: string; punctuality: Punctuality; status: ReportStatus }; short?: boolean }) {
  const prefix = short ? '' : `截止 ${report.deadline}`;
  if (report.punctuality === 'on_time' || report.punctuality === 'late') {
    const isLate = report.punctuality === 'late';
    return (
      <span data-testid="report-deadline">
        {prefix}{prefix && ' · '}
        <Typography.Text type={isLate ? 'danger' : 'success'}>{isLate ? '逾期报送' : '按时报送'}</Typography.Text>
      </span>
    );
  }
  const left = daysBetween(today(), report.deadline);
  const isOverdue = report.punctuality === 'missing' || left < 0;
  const note = isOverdue ? `已逾期 ${Math.max(1, -left)} 天` : left === 0 ? '今天截止' : `距截止还有 ${left} 天`;
  const type = isOverdue ? 'danger' : left <= 3 ? 'warning' : 'secondary';
  return (
    <span data-testid="report-deadline">
      {prefix}{prefix && ' · '}
      <Typography.Text type={type} strong={isOverdue}>{note}</Typography.Text>
    </span>
  );
}
