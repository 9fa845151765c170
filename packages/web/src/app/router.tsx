import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { createBrowserRouter, Link, Navigate, useRouteError } from 'react-router-dom';
import { homePath } from './access';
import { RequireAuth, useMe } from './auth';
import { AppLayout } from './layout';
import { LoginPage } from '../features/auth/login-page';
import { PageSpin } from '../components/page-state';

// Pages load on first visit, so the login screen does not wait for ECharts or the ledger.
function page(load: () => Promise<ComponentType>): ReactNode {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<PageSpin />}>
      <Page />
    </Suspense>
  );
}

/** The overview for business roles; 三员 go to their own first page. */
function Home({ overview }: { overview: ReactNode }) {
  const me = useMe();
  const home = homePath(me);
  return home === '/' ? <>{overview}</> : <Navigate to={home} replace />;
}

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，或链接已失效。"
      extra={<Link to="/"><Button type="primary">返回概览</Button></Link>}
    />
  );
}

function RouteError() {
  const error = useRouteError();
  const isChunkError = error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Result
      status="500"
      title={isChunkError ? '系统已更新' : '页面出错了'}
      subTitle={isChunkError ? '系统刚刚发布了新版本，请刷新页面后继续。' : '页面遇到意外错误，请刷新后重试；如仍有问题请联系管理员。'}
      extra={<Button type="primary" onClick={() => window.location.reload()}>刷新页面</Button>}
    />
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireAuth><AppLayout /></RequireAuth>,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home overview={page(() => import('../features/overview/overview-page').then((m) => m.OverviewPage))} /> },
      { path: 'ledger', element: page(() => import('../features/ledger/ledger-page').then((m) => m.LedgerPage)) },
      { path: 'imports', element: page(() => import('../features/imports/import-page').then((m) => m.ImportPage)) },
      { path: 'projects/:id', element: page(() => import('../features/projects/project-detail-page').then((m) => m.ProjectDetailPage)) },
      { path: 'periods', element: page(() => import('../features/periods/period-list-page').then((m) => m.PeriodListPage)) },
      { path: 'periods/:id', element: page(() => import('../features/periods/period-board-page').then((m) => m.PeriodBoardPage)) },
      { path: 'my-reports', element: page(() => import('../features/reports/my-reports-page').then((m) => m.MyReportsPage)) },
      { path: 'reviews', element: page(() => import('../features/reports/review-queue-page').then((m) => m.ReviewQueuePage)) },
      { path: 'reports/:id', element: page(() => import('../features/reports/report-page').then((m) => m.ReportPage)) },
      { path: 'obstacles', element: page(() => import('../features/obstacles/obstacle-list-page').then((m) => m.ObstacleListPage)) },
      { path: 'obstacles/:id', element: page(() => import('../features/obstacles/obstacle-page').then((m) => m.ObstaclePage)) },
      { path: 'warnings', element: page(() => import('../features/warnings/warning-list-page').then((m) => m.WarningListPage)) },
      { path: 'inspections', element: page(() => import('../features/inspections/inspection-list-page').then((m) => m.InspectionListPage)) },
      { path: 'inspections/:id', element: page(() => import('../features/inspections/inspection-page').then((m) => m.InspectionPage)) },
      { path: 'inspections/:id/projects/:projectId', element: page(() => import('../features/inspections/finding-page').then((m) => m.FindingPage)) },
      { path: 'meetings', element: page(() => import('../features/meetings/meeting-list-page').then((m) => m.MeetingListPage)) },
      { path: 'meetings/:id', element: page(() => import('../features/meetings/meeting-page').then((m) => m.MeetingPage)) },
      { path: 'bulletins', element: page(() => import('../features/bulletins/bulletin-list-page').then((m) => m.BulletinListPage)) },
      { path: 'bulletins/:id', element: page(() => import('../features/bulletins/bulletin-page').then((m) => m.BulletinPage)) },
      { path: 'assessment', element: page(() => import('../features/assessment/assessment-page').then((m) => m.AssessmentPage)) },
      { path: 'summaries', element: page(() => import('../features/summaries/summary-page').then((m) => m.SummaryPage)) },
      { path: 'visits', element: page(() => import('../features/site-visits/visit-list-page').then((m) => m.VisitListPage)) },
      { path: 'orgs', element: page(() => import('../features/orgs/org-list-page').then((m) => m.OrgListPage)) },
      { path: 'people', element: page(() => import('../features/people/person-list-page').then((m) => m.PersonListPage)) },
      { path: 'users', element: page(() => import('../features/users/user-list-page').then((m) => m.UserListPage)) },
      { path: 'regions', element: page(() => import('../features/regions/region-list-page').then((m) => m.RegionListPage)) },
      { path: 'audit', element: page(() => import('../features/audit/audit-page').then((m) => m.AuditPage)) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
