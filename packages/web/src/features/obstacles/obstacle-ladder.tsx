import type { CSSProperties } from 'react';
import { Grid, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { OBSTACLE_STAGE_LABEL, OBSTACLE_STAGES, stageRank } from '@tuijin/core';
import { dateTime } from '../../components/format';
import { STAGE_COLOR } from './obstacle-tags';
import type { ObstacleStep, ObstacleView } from './types';

// The ladder of one obstacle: where it stands (交办 → 提醒 → 督办 → 约谈 → 销号) and every step it
// took, with the notice number (督办单号), who moved it or the rule that did.

const STEP_COLOR: Record<string, string> = { raised: 'blue', escalated: 'orange', resolved: 'green', closed: 'green', reopened: 'red', edited: 'gray', discussed: 'purple' };

type StepStatus = 'wait' | 'process' | 'finish';

/**
 * Each stage as it went: reached (with its date, or 越级 when the office went past it), where it
 * stands now, not reached (the next one with the day it comes by the rules), and 销号.
 */
export function LadderSteps({ o }: { o: ObstacleView }) {
  const isNarrow = Grid.useBreakpoint().md === false;
  const day = (iso: string) => (isNarrow ? dateTime(iso).slice(5, 10) : dateTime(iso).slice(0, 10));
  const reachedAt = (stage: string) => o.steps.filter((s) => s.toStage === stage && (s.step === 'escalated' || s.step === 'raised')).at(-1)?.at;
  const rank = stageRank(o.stage);
  const items: { title: string; description?: string; status: StepStatus }[] = OBSTACLE_STAGES.map((stage) => {
    const r = stageRank(stage);
    const when = reachedAt(stage);
    if (r < rank || (r === rank && o.status !== 'open')) return { title: OBSTACLE_STAGE_LABEL[stage], description: when ? day(when) : '越级', status: 'finish' };
    if (r === rank) return { title: OBSTACLE_STAGE_LABEL[stage], description: when ? day(when) : undefined, status: 'process' };
    const next = stage === o.nextStage && o.escalateAt ? `${isNarrow ? o.escalateAt.slice(5) : o.escalateAt} 起` : undefined;
    return { title: OBSTACLE_STAGE_LABEL[stage], description: next, status: 'wait' };
  });
  items.push({
    title: '销号',
    description: o.closedAt ? day(o.closedAt) : o.status === 'resolved' ? '待确认' : undefined,
    status: o.status === 'closed' ? 'finish' : o.status === 'resolved' ? 'process' : 'wait',
  });
  if (isNarrow) return <CompactLadder items={items} />;
  return <Steps size="small" responsive={false} items={items} data-testid="obstacle-ladder" />;
}

const DOT: Record<StepStatus, CSSProperties> = {
  finish: { background: '#1d5fbf', borderColor: '#1d5fbf' },
  process: { background: '#fff', borderColor: '#1d5fbf', boxShadow: '0 0 0 3px rgba(29, 95, 191, 0.2)' },
  wait: { background: '#fff', borderColor: '#d9d9d9' },
};

/** A phone's ladder: five equal cells in one row, so all of it fits 390 px without scrolling. */
function CompactLadder({ items }: { items: { title: string; description?: string; status: StepStatus }[] }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${items.length}, 1fr)` }} data-testid="obstacle-ladder">
      {items.map((item, i) => (
        <div key={item.title} style={{ textAlign: 'center', position: 'relative' }}>
          {i > 0 && <div style={{ position: 'absolute', top: 6, right: '50%', width: '100%', height: 2, background: item.status === 'wait' ? '#f0f0f0' : '#1d5fbf' }} />}
          <div style={{ position: 'relative', width: 14, height: 14, margin: '0 auto 4px', borderRadius: '50%', border: '2px solid', ...DOT[item.status] }} />
          <div style={{ fontSize: 13, fontWeight: item.status === 'process' ? 600 : 400, color: item.status === 'wait' ? '#8c8c8c' : undefined }}>{item.title}</div>
          <div className="num" style={{ fontSize: 11, color: '#8c8c8c', minHeight: 16 }}>{item.description}</div>
        </div>
      ))}
    </div>
  );
}

function StepLine({ s }: { s: ObstacleStep }) {
  const moved = s.fromStage !== s.toStage && s.toStageLabel;
  return (
    <div data-testid="obstacle-step">
      <Space size={6} wrap>
        <Typography.Text strong>{s.step === 'escalated' && s.toStageLabel ? `升级为${s.toStageLabel}` : s.step === 'raised' ? '登记交办' : s.stepLabel}</Typography.Text>
        {moved && s.step !== 'raised' && s.step !== 'escalated' && <Tag bordered={false}>{s.fromStageLabel} → {s.toStageLabel}</Tag>}
        {s.docNo && <Tag color="volcano" data-testid="obstacle-step-doc">督办单号：{s.docNo}</Tag>}
        {s.isAuto && <Tag bordered={false} color="cyan">系统自动</Tag>}
      </Space>
      {s.note && <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginTop: 2 }}>{s.note}</div>}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{dateTime(s.at)}{s.userName ? ` · ${s.userName}` : ''}</Typography.Text>
    </div>
  );
}

export function LadderTimeline({ o }: { o: ObstacleView }) {
  return (
    <Timeline
      data-testid="obstacle-timeline"
      items={[...o.steps].reverse().map((s) => ({
        key: s.id,
        color: s.step === 'escalated' && s.toStage ? STAGE_COLOR[s.toStage] : STEP_COLOR[s.step] ?? 'gray',
        children: <StepLine s={s} />,
      }))}
    />
  );
}
