import { Alert, Breadcrumb, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe, type Me } from '../../app/auth';
import { dateTime } from '../../components/format';
import { DeadlineText, periodLabel, ReportStatusTag } from './report-status';
import type { ReportDetail } from './types';

/** Where the person came from: their own reports, their review queue, or the office's month. */
function backLink(me: Me, report: ReportDetail): { to: string; label: string } {
  if (me.role === 'reporter') return { to: '/my-reports', label: '我的月报' };
  if (me.role === 'department') return { to: '/reviews', label: '月报审核' };
  return { to: `/periods/${report.periodId}`, label: `${periodLabel(report.period)}月报` };
}

/** Project, month, status, deadline, who sent and who reviewed; a return's reason stands out. */
export function ReportHeader({ report }: { report: ReportDetail }) {
  const me = useMe();
  const back = backLink(me, report);
  const isMine = me.can.fillReports;
  return (
    <div className="page-card report-section" data-testid="report-header">
      <Breadcrumb items={[{ title: <Link to={back.to}>{back.label}</Link> }, { title: periodLabel(report.period) }]} style={{ marginBottom: 8 }} />
      <Space size={8} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">{report.projectName}</Typography.Title>
        <ReportStatusTag report={report} />
      </Space>
      <div className="meta-line">
        <span>{periodLabel(report.period)}月报</span>
        <span><DeadlineText report={report} /></span>
        {report.responsibleOrgName && <span>审核单位：{report.responsibleOrgName}</span>}
        {report.ownerOrgName && <span>项目单位：{report.ownerOrgName}</span>}
      </div>
      {(report.submittedAt || report.reviewedAt) && (
        <div className="meta-line" data-testid="report-people">
          {report.submittedAt && <span>报送：{report.submittedByName ?? '—'} {dateTime(report.submittedAt)}</span>}
          {report.reviewedAt && <span>审核：{report.reviewedByName ?? '—'} {dateTime(report.reviewedAt)}</span>}
          {report.returnCount > 0 && <span>已退回 {report.returnCount} 次</span>}
        </div>
      )}
      {report.periodStatus === 'closed' && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} message={`${periodLabel(report.period)}的月报已关闭，内容不能再修改。`} />
      )}
      {report.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="report-return-reason"
          message={<strong>退回原因：{report.reviewComment ?? '（未填写）'}</strong>}
          description={`${report.reviewedByName ?? '审核人'} 于 ${dateTime(report.reviewedAt)} 退回${isMine && report.canEdit ? '，请按意见修改后重新报送。' : '，等待项目单位修改后重新报送。'}`}
        />
      )}
      {report.status === 'approved' && report.reviewComment && (
        <Alert type="success" showIcon style={{ marginTop: 12 }} message={`审核意见：${report.reviewComment}`} />
      )}
    </div>
  );
}
