import { useState } from 'react';
import { App, Button, Grid, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, FormOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../app/api-client';
import { dateTime } from '../../components/format';
import { LoadError, PageSpin } from '../../components/page-state';
import { StageTag } from '../../components/tags';
import { reportDocxUrl, useDeleteInspection, useFinishInspection, useInspection, type InspectionDetail, type InspectionProject } from './api';
import { StatusTag, VisitProgress } from './inspection-list-page';
import { PlanModal } from './plan-modal';

// One inspection: its plan, each project with whether it has been visited and what was found,
// and what the office does with it (修改计划, 完成检查, 下载检查报告).

const RATING_COLOR = { good: 'success', fair: 'warning', poor: 'error' } as const;

function FindingMarks({ p }: { p: InspectionProject }) {
  const f = p.finding;
  if (!f) return <Tag style={{ marginInlineEnd: 0 }} data-testid="finding-none">未检查</Tag>;
  return (
    <span className="cell-wrap" data-testid="finding-marks">
      {f.rating ? <Tag color={RATING_COLOR[f.rating]} style={{ marginInlineEnd: 0 }}>评价：{f.ratingLabel}</Tag> : <Tag style={{ marginInlineEnd: 0 }}>未评价</Tag>}
      {f.booksAhead ? <Tag color="error" style={{ marginInlineEnd: 0 }}>账面超前</Tag> : <Tag color="success" bordered={false} style={{ marginInlineEnd: 0 }}>账实相符</Tag>}
    </span>
  );
}

function ProjectCard({ inspectionId, p, canRecord }: { inspectionId: number; p: InspectionProject; canRecord: boolean }) {
  return (
    <Link to={`/inspections/${inspectionId}/projects/${p.projectId}`} className="report-card" style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }} data-testid="inspection-project-card">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>{p.name}</div>
          <Space size={6} wrap style={{ marginTop: 4 }}><StageTag stage={p.stage} /><FindingMarks p={p} /></Space>
          <div className="meta-line">
            <span>{p.responsibleOrgName ?? '—'}</span>
            {p.finding && <span>检查于 {p.finding.visitedOn}</span>}
            {p.finding && <span>整改 {p.finding.demandCount} 条 · 照片 {p.finding.photoCount} 张</span>}
          </div>
        </div>
        <Typography.Link>{p.finding ? '查看' : canRecord ? '记录' : '查看'}<RightOutlined /></Typography.Link>
      </div>
    </Link>
  );
}

function Actions({ plan, onEdit }: { plan: InspectionDetail; onEdit: () => void }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const finish = useFinishInspection(plan.id);
  const remove = useDeleteInspection(plan.id);
  const onError = (error: unknown) => {
    if (isApiError(error, 'version_conflict')) modal.warning({ title: '检查计划已被他人修改', content: '页面已载入最新内容，请核对后重新操作。', okText: '知道了' });
    else modal.error({ title: '未能完成', content: errorMessage(error), okText: '知道了' });
  };
  const confirmFinish = () => modal.confirm({
    title: '完成本次督导检查？',
    content: `共 ${plan.progress.total} 个项目。完成后检查记录和照片不能再修改，可下载检查报告。`,
    okText: '完成检查', cancelText: '取消',
    onOk: async () => {
      try {
        await finish.mutateAsync({ version: plan.version });
        message.success('督导检查已完成');
      } catch (error) {
        onError(error);
      }
    },
  });
  const confirmDelete = () => modal.confirm({
    title: '删除这次检查计划？', okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      try {
        await remove.mutateAsync({ version: plan.version });
        message.success('已删除');
        navigate('/inspections');
      } catch (error) {
        onError(error);
      }
    },
  });
  return (
    <Space wrap>
      {plan.canEdit && <Button icon={<EditOutlined />} onClick={onEdit} data-testid="inspection-edit">修改计划</Button>}
      {plan.canDelete && <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="inspection-delete">删除</Button>}
      {plan.canExport && <Button icon={<DownloadOutlined />} href={reportDocxUrl(plan.id)} download data-testid="inspection-docx">下载检查报告</Button>}
      {plan.canFinish && <Button type={plan.progress.visited === plan.progress.total ? 'primary' : 'default'} icon={<CheckOutlined />} onClick={confirmFinish} loading={finish.isPending} data-testid="inspection-finish">完成检查</Button>}
    </Space>
  );
}

export function InspectionPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const isNarrow = Grid.useBreakpoint().md === false;
  const { data: plan, isPending, error, refetch } = useInspection(id);
  const [isEditing, setEditing] = useState(false);
  const back = <Link to="/inspections"><Button>返回督导检查</Button></Link>;
  if (!Number.isSafeInteger(id) || id <= 0) return <LoadError error={new Error('检查编号不正确')} extra={back} />;
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} extra={back} />;
  const open = (p: InspectionProject) => navigate(`/inspections/${plan.id}/projects/${p.projectId}`);

  return (
    <div data-testid="inspection-page" data-status={plan.status}>
      <div className="page-card" style={{ marginBottom: 8 }}>
        <div className="page-title">
          <Space align="center" size={8} wrap>
            <h1 style={{ whiteSpace: 'normal' }}>{plan.title}</h1>
            <StatusTag plan={plan} />
          </Space>
          <Actions plan={plan} onEdit={() => setEditing(true)} />
        </div>
        <div className="meta-line" style={{ marginTop: 0 }}>
          <span>检查日期 <span className="num">{plan.plannedDate}</span></span>
          <span style={{ whiteSpace: 'normal' }}>检查组：{plan.teamNames || '—'}</span>
          {plan.finishedAt && <span>完成于 {dateTime(plan.finishedAt)}</span>}
        </div>
        {plan.note && <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>检查重点：{plan.note}</Typography.Paragraph>}
        <Space size={16} wrap style={{ marginTop: 12 }}>
          <VisitProgress plan={plan} />
          <span>评价：好 <b className="num">{plan.ratings.good}</b> · 一般 <b className="num">{plan.ratings.fair}</b> · 差 <b className="num">{plan.ratings.poor}</b></span>
          {plan.booksAheadCount > 0 && <Tag color="error" data-testid="inspection-ahead-count">账面超前 {plan.booksAheadCount} 个项目</Tag>}
        </Space>
      </div>
      <div className="page-card">
        <Typography.Title level={5} style={{ marginTop: 0 }}>检查项目</Typography.Title>
        {isNarrow ? (
          <div data-testid="inspection-projects">{plan.projects.map((p) => <ProjectCard key={p.projectId} inspectionId={plan.id} p={p} canRecord={plan.canRecord} />)}</div>
        ) : (
          <Table<InspectionProject>
            size="small"
            rowKey="projectId"
            className="ledger-table nowrap-head"
            data-testid="inspection-projects"
            dataSource={plan.projects}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(p) => ({ onClick: () => open(p) })}
            columns={[
              { title: '项目名称', dataIndex: 'name', key: 'name', render: (v: string) => <span style={{ fontWeight: 600 }}>{v}</span> },
              { title: '台账阶段', key: 'stage', width: 90, render: (_v, p) => <StageTag stage={p.stage} /> },
              { title: '责任单位', dataIndex: 'responsibleOrgName', key: 'org', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
              { title: '检查日期', key: 'visited', width: 110, render: (_v, p) => <span className="num">{p.finding?.visitedOn ?? '—'}</span> },
              { title: '检查情况', key: 'marks', width: 190, render: (_v, p) => <FindingMarks p={p} /> },
              { title: '整改要求', key: 'demands', width: 90, align: 'right', render: (_v, p) => <span className="num">{p.finding ? `${p.finding.demandCount} 条` : '—'}</span> },
              { title: '照片', key: 'photos', width: 70, align: 'right', render: (_v, p) => <span className="num">{p.finding ? `${p.finding.photoCount} 张` : '—'}</span> },
              {
                title: '', key: 'go', width: 110, align: 'right',
                render: (_v, p) => <Button size="small" type={!p.finding && plan.canRecord ? 'primary' : 'default'} icon={<FormOutlined />} data-testid="inspection-record">{p.finding ? '查看记录' : plan.canRecord ? '记录检查' : '查看'}</Button>,
              },
            ]}
          />
        )}
      </div>
      {isEditing && <PlanModal plan={plan} onClose={() => { setEditing(false); void refetch(); }} onSaved={() => setEditing(false)} />}
    </div>
  );
}
