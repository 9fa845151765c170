import { Button, ConfigProvider, Grid, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { LoadError, PageSpin } from '../../components/page-state';
import { StageTag } from '../../components/tags';
import { useFindingSheet, type FindingSheet } from './api';
import { FindingForm } from './finding-form';
import './inspections.css';

// /inspections/:id/projects/:projectId — an inspector at the site, on a phone: what the books
// say, what is seen, the 账面地面 comparison turning red as the site contradicts the books, the
// rating, the demands and the photos, saved as one record.

function FindingHeader({ sheet }: { sheet: FindingSheet }) {
  const f = sheet.finding;
  return (
    <div className="page-card report-section" data-testid="finding-header">
      <Link to={`/inspections/${sheet.inspection.id}`}><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{sheet.inspection.title}</Button></Link>
      <Typography.Title level={4} style={{ margin: '4px 0 6px' }}>{sheet.project.name}</Typography.Title>
      <Space size={6} wrap>
        <StageTag stage={sheet.project.stage} />
        {f ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>已记录 {f.visitedOn}</Tag> : <Tag style={{ marginInlineEnd: 0 }}>未检查</Tag>}
        {f?.booksAhead && <Tag color="error" style={{ marginInlineEnd: 0 }}>账面超前</Tag>}
        {sheet.inspection.status === 'finished' && <Tag color="success" style={{ marginInlineEnd: 0 }}>检查已完成</Tag>}
      </Space>
      <div className="meta-line">
        <span>责任单位：{sheet.project.responsibleOrgName ?? '—'}</span>
        <span>包保领导：{sheet.project.leaderName ?? '—'}</span>
        {sheet.project.ownerOrgName && <span>项目单位：{sheet.project.ownerOrgName}</span>}
        {f?.inspectorName && <span>检查人：{f.inspectorName}</span>}
      </div>
    </div>
  );
}

export function FindingPage() {
  const params = useParams();
  const id = Number(params.id);
  const projectId = Number(params.projectId);
  const { data: sheet, isPending, error, refetch } = useFindingSheet(id, projectId);
  const isNarrow = Grid.useBreakpoint().md === false;
  const back = <Link to={Number.isSafeInteger(id) ? `/inspections/${id}` : '/inspections'}><Button>返回检查</Button></Link>;
  if (!Number.isSafeInteger(id) || id <= 0 || !Number.isSafeInteger(projectId) || projectId <= 0) return <LoadError error={new Error('检查或项目编号不正确')} extra={back} />;
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} extra={back} />;
  return (
    // On a phone every control is at least 40 px high: a thumb on a building site, not a mouse.
    <ConfigProvider componentSize={isNarrow ? 'large' : undefined}>
      <div className="report-page" data-testid="finding-page" data-recorded={sheet.finding != null}>
        <FindingHeader sheet={sheet} />
        {/* Keyed by version: a save (or another's) starts the form afresh from what the server holds. */}
        <FindingForm key={sheet.finding?.version ?? 'new'} sheet={sheet} />
      </div>
    </ConfigProvider>
  );
}
