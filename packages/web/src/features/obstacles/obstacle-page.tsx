import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { ObstacleAction } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { dateTime, text } from '../../components/format';
import { LoadError, PageSpin } from '../../components/page-state';
import { LadderDialog, type LadderMove } from './action-dialogs';
import { useObstacle } from './api';
import { LadderSteps, LadderTimeline } from './obstacle-ladder';
import { DueText, ObstacleStageTag, ObstacleStatusTag } from './obstacle-tags';
import { ObstacleDialog } from './raise-obstacle-dialog';
import type { ObstacleView } from './types';

// /obstacles/:id — one obstacle: the facts, where it stands on the ladder and every step it took,
// and what the caller may do now (the office escalates, confirms or sends back; the owner
// department reports it solved). A move not open to the caller says why.

const back = <Link to="/obstacles"><Button icon={<ArrowLeftOutlined />}>返回问题督办</Button></Link>;

/** Which moves a role can make at all; whether each is open now (and why not) comes from the server. */
function movesFor(can: { manageObstacles: boolean; resolveObstacles: boolean }): LadderMove[] {
  return [...(can.resolveObstacles ? ['resolve' as const] : []), ...(can.manageObstacles ? ['escalate' as const, 'close' as const, 'reopen' as const] : [])];
}

const MOVE_TYPE: Record<LadderMove, 'primary' | 'default'> = { resolve: 'primary', escalate: 'default', close: 'primary', reopen: 'default' };

function ActionsCard({ o, onMove, onEdit }: { o: ObstacleView; onMove: (m: LadderMove) => void; onEdit: () => void }) {
  const me = useMe();
  const action = (a: ObstacleAction) => o.actions.find((x) => x.action === a)!;
  const moves = movesFor(me.can);
  const open = moves.filter((m) => action(m).allowed);
  // Why the usual next move is not open (e.g. 已到约谈，是最高一级), where it is worth saying.
  const blocked = o.status !== 'open' ? [] : moves.filter((m) => (m === 'resolve' || m === 'escalate') && !action(m).allowed);
  const waiting = o.status === 'open' ? '等待责任单位办理，办结后报告办结情况' : o.status === 'resolved' ? '责任单位已报告办结，等待重点项目办核实销号' : '已销号';
  return (
    <Card size="small" title="办理" data-testid="obstacle-actions">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{waiting}</Typography.Paragraph>
      <Space wrap>
        {open.map((m) => (
          <Button key={m} type={m === 'resolve' && me.can.manageObstacles ? 'default' : MOVE_TYPE[m]} danger={m === 'reopen'} onClick={() => onMove(m)} data-testid={`obstacle-${m}`}>{action(m).label}</Button>
        ))}
        {me.can.manageObstacles && o.can.edit && <Button icon={<EditOutlined />} onClick={onEdit} data-testid="obstacle-edit">修改</Button>}
      </Space>
      {blocked.map((m) => (
        <Typography.Paragraph key={m} type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }} data-testid="obstacle-blocked">不能{action(m).label}：{action(m).reason}</Typography.Paragraph>
      ))}
    </Card>
  );
}

function Facts({ o }: { o: ObstacleView }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      data-testid="obstacle-facts"
      items={[
        { key: 'project', label: '项目', children: <Link to={`/projects/${o.projectId}?tab=obstacles`}>{o.projectName}</Link>, span: 'filled' },
        { key: 'kind', label: '问题类型', children: o.kindLabel },
        { key: 'source', label: '来源', children: o.sourceRef ? <Link to={o.sourceRef.link} data-testid="obstacle-source-link">{o.sourceRef.label}</Link> : o.sourceLabel },
        { key: 'owner', label: '责任单位', children: text(o.ownerOrgName) },
        { key: 'leader', label: '包保领导', children: text(o.leaderName) },
        { key: 'due', label: '办理期限', children: <DueText o={o} /> },
        { key: 'raised', label: '登记时间', children: <span className="num">{dateTime(o.raisedAt)}</span> },
        ...(o.status === 'open' && o.nextStageLabel && o.escalateAt ? [{ key: 'next', label: '自动升级', children: <span>仍未办结的，<span className="num">{o.escalateAt}</span> 起升级为{o.nextStageLabel}</span>, span: 'filled' as const }] : []),
        { key: 'description', label: '问题描述', children: <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{o.description}</div>, span: 'filled' },
        ...(o.resolution ? [{ key: 'resolution', label: '办结情况', span: 'filled' as const, children: <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="obstacle-resolution-text">{o.resolution}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{o.resolvedByName} · {dateTime(o.resolvedAt)}</Typography.Text></div> }] : []),
        ...(o.status === 'closed' ? [{ key: 'closed', label: '销号', span: 'filled' as const, children: <span>{o.confirmedByName} 于 <span className="num">{dateTime(o.closedAt)}</span> 确认销号</span> }] : []),
      ]}
    />
  );
}

export function ObstaclePage() {
  const id = Number(useParams().id);
  const { data: o, isPending, error, refetch } = useObstacle(id);
  const [move, setMove] = useState<LadderMove | null>(null);
  const [isEditing, setEditing] = useState(false);

  if (!Number.isSafeInteger(id) || id <= 0) return <LoadError error={new Error('问题编号不正确')} extra={back} />;
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} extra={back} />;

  return (
    <div data-testid="obstacle-page">
      <div className="page-card" style={{ marginBottom: 12 }}>
        <div className="page-title" style={{ marginBottom: 8 }}>
          <Space align="center" size={8} wrap>
            <Link to="/obstacles" aria-label="返回问题督办"><ArrowLeftOutlined /></Link>
            <h1 data-testid="obstacle-title">{o.title}</h1>
            <ObstacleStageTag stage={o.stage} />
            <ObstacleStatusTag status={o.status} />
            {o.isOverdue && <Tag color="red" bordered={false}>逾期 {o.overdueDays} 天</Tag>}
          </Space>
        </div>
        <Typography.Text type="secondary">
          <Link to={`/projects/${o.projectId}`}>{o.projectName}</Link> · {o.kindLabel} · {o.ownerOrgName ?? '未定责任单位'}{o.leaderName ? ` · 包保领导 ${o.leaderName}` : ''}
        </Typography.Text>
        <div style={{ marginTop: 16, overflowX: 'auto' }}><LadderSteps o={o} /></div>
      </div>
      {o.status === 'resolved' && o.can.close && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="责任单位已报告办结，请核实后销号；未解决的退回重办。" />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <div className="page-card"><Facts o={o} /></div>
        </Col>
        <Col xs={24} lg={9}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <ActionsCard o={o} onMove={setMove} onEdit={() => setEditing(true)} />
            <Card size="small" title="办理过程"><LadderTimeline o={o} /></Card>
          </Space>
        </Col>
      </Row>
      {move && <LadderDialog move={move} o={o} onClose={() => setMove(null)} />}
      {isEditing && <ObstacleDialog obstacle={o} onClose={() => setEditing(false)} />}
    </div>
  );
}
