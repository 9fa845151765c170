import { Button, ConfigProvider, Grid } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { LoadError, PageSpin } from '../../components/page-state';
import { useReport } from './api';
import { ReportForm } from './report-form';
import { ReportHeader } from './report-header';
import { ReportHistory } from './report-history';
import { ReportView } from './report-view';
import { ReviewPanel } from './review-panel';

/**
 * /reports/:id — one page for everyone: the company fills it while it may (`canEdit`), a
 * reviewer decides on it (`canReview`), everyone else reads it. The server says which.
 */
export function ReportPage() {
  const id = Number(useParams().id);
  const { data: report, isPending, error, refetch } = useReport(id);
  // On a phone every control is at least 40 px high: a thumb at a construction site, not a mouse.
  const isNarrow = Grid.useBreakpoint().md === false;
  const back = <Link to="/"><Button>返回首页</Button></Link>;

  if (!Number.isSafeInteger(id) || id <= 0) return <LoadError error={new Error('月报编号不正确')} extra={back} />;
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} extra={back} />;

  return (
    <ConfigProvider componentSize={isNarrow ? 'large' : undefined}>
      <div className="report-page" data-testid="report-page" data-status={report.status}>
        <ReportHeader report={report} />
        {/* Keyed by id: another report starts a fresh form; a submit switches to the read view. */}
        {report.canEdit ? <ReportForm key={report.id} report={report} /> : <ReportView report={report} />}
        {report.canReview && <ReviewPanel report={report} />}
        <ReportHistory report={report} />
      </div>
    </ConfigProvider>
  );
}
