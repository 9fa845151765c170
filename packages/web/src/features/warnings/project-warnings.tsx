import { Alert, Badge, Empty, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { WARNING_LEVEL_LABEL } from '@tuijin/core';
import { dateTime } from '../../components/format';
import { LoadError, PageSpin } from '../../components/page-state';
import { useProjectWarnings } from './api';
import type { ProjectWarnings } from './types';
import { LEVEL_TAG_COLOR, LEVEL_TEXT_COLOR, projectLevelText, WarningLevelTag } from './warning-tags';

// A project's warnings where the project is read: its colour in the header (the reasons on
// hover), and a 预警 tab with what is live now and the history of every warning it had.

/** The header's tag: 红色预警 / 黄色预警 / 无预警, the reasons in its tooltip; opens the tab. */
export function ProjectWarningTag({ projectId }: { projectId: number }) {
  const { data } = useProjectWarnings(projectId);
  if (!data) return null;
  const reasons = data.live.map((w) => (
    <div key={w.id} style={{ marginBottom: 4 }}>
      <span style={{ color: w.level === 'red' ? '#ff7875' : '#ffd666' }}>●</span> {w.ruleLabel}：{w.reason}
    </div>
  ));
  return (
    <Tooltip title={reasons.length ? reasons : '各项指标正常，没有预警'} styles={{ root: { maxWidth: 420 } }}>
      <Link to={`/projects/${projectId}?tab=warnings`} data-testid="project-warning-tag">
        <Tag color={LEVEL_TAG_COLOR[data.level]} style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
          {projectLevelText(data.level)}{data.live.length > 1 ? ` ${data.live.length} 项` : ''}
        </Tag>
      </Link>
    </Tooltip>
  );
}

/** The tab's label with the number of live warnings. */
export function WarningTabLabel({ projectId }: { projectId: number }) {
  const { data } = useProjectWarnings(projectId);
  const count = data?.live.length ?? 0;
  return count ? <Badge count={count} size="small" offset={[8, -2]} color={data?.level === 'red' ? LEVEL_TEXT_COLOR.red : '#faad14'}>预警</Badge> : <>预警</>;
}

const EVENT_COLOR: Record<ProjectWarnings['history'][number]['event'], string> = { raised: 'red', changed: 'orange', cleared: 'green' };

function eventTitle(e: ProjectWarnings['history'][number]): string {
  if (e.event === 'changed') return `${e.ruleLabel}：${WARNING_LEVEL_LABEL[e.fromLevel ?? 'yellow']} → ${WARNING_LEVEL_LABEL[e.toLevel ?? 'red']}`;
  if (e.event === 'cleared') return `${e.ruleLabel}：预警解除`;
  return `${e.ruleLabel}：发出${WARNING_LEVEL_LABEL[e.toLevel ?? 'yellow']}`;
}

export function ProjectWarningsTab({ projectId }: { projectId: number }) {
  const { data, isPending, error, refetch } = useProjectWarnings(projectId);
  if (isPending) return <PageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  return (
    <div data-testid="project-warnings">
      <Typography.Title level={5} style={{ marginTop: 0 }}>当前预警</Typography.Title>
      {data.live.length === 0 ? (
        <Alert type="success" showIcon message="没有预警：投资进度、开竣工、关键节点、月报、问题办理和督导检查均无异常。" style={{ marginBottom: 16 }} />
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 16 }}>
          {data.live.map((w) => (
            <Alert
              key={w.id}
              type={w.level === 'red' ? 'error' : 'warning'}
              showIcon
              data-testid={`project-warning-${w.rule}`}
              message={<Space size={8} wrap><WarningLevelTag level={w.level} /><strong>{w.ruleLabel}</strong><span style={{ color: '#8c8c8c', fontSize: 12 }}>自 {dateTime(w.since)}</span></Space>}
              description={w.reason}
            />
          ))}
        </Space>
      )}
      <Typography.Title level={5}>预警记录</Typography.Title>
      {data.history.length === 0 ? <Empty description="还没有预警记录" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Timeline
          data-testid="project-warning-history"
          items={data.history.map((e) => ({
            key: e.id,
            color: EVENT_COLOR[e.event],
            children: (
              <div>
                <div><strong>{eventTitle(e)}</strong> <span style={{ color: '#8c8c8c', fontSize: 12, marginInlineStart: 8 }}>{dateTime(e.at)}</span></div>
                {e.reason && <div style={{ color: '#595959' }}>{e.event === 'cleared' ? `此前：${e.reason}` : e.reason}</div>}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
