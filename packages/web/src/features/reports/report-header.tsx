import { Alert, Breadcrumb, Space, Typography } from 'antd';
import type { BreadcrumbProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { accessOf } from '../../app/access';
import { useMe, type Me } from '../../app/auth';
import { dateTime } from '../../components/format';
import { periodLabel } from '../periods/period-format';
import { isFromProject } from './report-origin';
import { DeadlineText, ReportStatusTag } from './report-status';
import type { ReportDetail } from './types';

type Crumbs = NonNullable<BreadcrumbProps['items']>;

/**
 * The way back, ending at this report (named by its project, as the title below): from a
 * project's 月报 tab back to that tab; else the person's own list, review queue, or the
 * office's month board.
 */
function crumbs(me: Me, report: ReportDetail, isBackToProject: boolean): Crumbs {
  const here = { title: report.projectName };
  if (isBackToProject) {
    return [
      { title: <Link to="/ledger">项目台账</Link> },
      { title: <Link to={`/projects/${report.projectId}?tab=reports`} data-testid="report-back-project">{report.projectName}</Link> },
      { title: `${periodLabel(report.period)}月报` },
    ];
  }
  if (me.role === 'reporter') return [{ title: <Link to="/my-reports">我的月报</Link> }, here];
  if (me.role === 'department') return [{ title: <Link to="/reviews">月报审核</Link> }, here];
  return [{ title: <Link to="/periods">月报管理</Link> }, { title: <Link to={`/periods/${report.periodId}`}>{periodLabel(report.period)}</Link> }, here];
}

/** Project, month, status, deadline, who sent and who reviewed; a return's reason stands out. */
export function ReportHeader({ report }: { report: ReportDetail }) {
  const me = useMe();
  const isBackToProject = isFromProject(useLocation().state) && accessOf(me).ledger;
  const items = crumbs(me, report, isBackToProject);
  const isMine = me.can.fillReports;
  return (
    <div className="page-card report-section" data-testid="report-header">
      <Breadcrumb items={items} style={{ marginBottom: 8 }} data-testid="report-breadcrumb" />
      <Space size={8} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">{report.projectName}</Typography.Title>
        <ReportStatusTag report={report} />
      </Space>
      <div className="meta-line">
        {/* The month is said once: in the breadcrumb when it ends with it, else here. */}
        {!isBackToProject && <span>{periodLabel(report.period)}月报</span>}
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
