import { Alert, Badge, Button, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { LoadError, PageSpin } from '../../components/page-state';
import { today } from '../../components/year-select';
import { ProjectObstaclesTab } from '../obstacles/project-obstacles-tab';
import { ProjectMonthsTab } from '../reports/project-months-tab';
import { ProjectPhotosTab } from '../reports/project-photos-tab';
import { ProjectWarningsTab, WarningTabLabel } from '../warnings/project-warnings';
import { useProject } from './api';
import { ApprovalsTab } from './approvals-tab';
import { HistoryTab } from './history-tab';
import { KeyListsTab } from './key-lists-tab';
import { isOverdue, NodesTab } from './nodes-tab';
import { PlansTab } from './plans-tab';
import { ProjectHeader } from './project-header';
import { SectionTab } from './section-tab';
import { StageHistoryTab } from './stage-history-tab';

const TABS = ['basic', 'duty', 'commitments', 'plans', 'levels', 'nodes', 'approvals', 'reports', 'photos', 'obstacles', 'warnings', 'stages', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** /projects/:id — the whole record of one project, one tab per part; the tab is in the URL. */
export function ProjectDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const { data: detail, isPending, error, refetch } = useProject(id);
  const tabParam = search.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'basic';

  if (!Number.isSafeInteger(id) || id <= 0) return <LoadError error={new Error('项目编号不正确')} extra={<Link to="/ledger"><Button>返回台账</Button></Link>} />;
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} extra={<Link to="/ledger"><Button>返回台账</Button></Link>} />;

  const now = today();
  const overdue = detail.nodes.filter((n) => isOverdue(n, now)).length;
  const label = (text: string, count?: number) => (count ? <Badge count={count} size="small" offset={[8, -2]}>{text}</Badge> : text);

  return (
    <div data-testid="project-detail">
      <ProjectHeader detail={detail} />
      {!detail.canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="本账号可查看项目台账；台账内容由重点项目办维护，如需更正请联系重点项目办。"
          data-testid="project-read-only"
        />
      )}
      <div className="page-card" style={{ paddingTop: 4 }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === 'basic' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'basic', label: '基本信息', children: <SectionTab detail={detail} section="basic" /> },
            { key: 'duty', label: '五个一 / 四位一体', children: <SectionTab detail={detail} section="duty" /> },
            { key: 'commitments', label: '四定两保', children: <SectionTab detail={detail} section="commitments" /> },
            { key: 'plans', label: '年度计划', children: <PlansTab detail={detail} /> },
            { key: 'levels', label: '重点级别', children: <KeyListsTab detail={detail} /> },
            { key: 'nodes', label: label('关键节点', overdue), children: <NodesTab detail={detail} /> },
            { key: 'approvals', label: '前期手续', children: <ApprovalsTab detail={detail} /> },
            ...(me.can.readReports ? [
              { key: 'reports', label: '月报', children: <ProjectMonthsTab projectId={detail.id} /> },
              { key: 'photos', label: '影像对比', children: <ProjectPhotosTab projectId={detail.id} /> },
            ] : []),
            ...(me.can.readSupervision ? [{ key: 'obstacles', label: '问题', children: <ProjectObstaclesTab projectId={detail.id} /> }] : []),
            ...(me.can.readSupervision ? [{ key: 'warnings', label: <WarningTabLabel projectId={detail.id} />, children: <ProjectWarningsTab projectId={detail.id} /> }] : []),
            { key: 'stages', label: '阶段记录', children: <StageHistoryTab detail={detail} /> },
            { key: 'history', label: '变更记录', children: <HistoryTab projectId={detail.id} /> },
          ]}
        />
      </div>
    </div>
  );
}
