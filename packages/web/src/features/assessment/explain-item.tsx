import { Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { score } from './score-marks';
import type { ExplainItem, ExplainRef, RefKind } from './types';

// One item of a score explained: what it measures, the formula in words, the figure this
// month, the points it gave out of its full marks, the sentence saying why, and the records the
// figure was counted from — each a link, so a disputed point can be checked at its source.

const REF_KIND: Record<RefKind, string> = { report: '月报', finding: '督导发现', obstacle: '问题', node: '节点', project: '项目' };

/** Where a record opens: reports, obstacles and projects have their pages; others the link the server gives. */
export function refPath(ref: ExplainRef): string | null {
  if (ref.kind === 'report') return `/reports/${ref.id}`;
  if (ref.kind === 'obstacle') return `/obstacles/${ref.id}`;
  if (ref.kind === 'project') return `/projects/${ref.id}`;
  return ref.link;
}

function RefLink({ item }: { item: ExplainRef }) {
  const path = refPath(item);
  const text = (
    <>
      <Tag bordered={false} style={{ marginInlineEnd: 4 }}>{REF_KIND[item.kind]}</Tag>
      {item.label}
      {item.date && <Typography.Text type="secondary" className="num"> · {item.date}</Typography.Text>}
    </>
  );
  if (!path) return <span data-testid="explain-ref">{text}</span>;
  // Links of this app stay in it; anything else (none is expected) opens apart.
  return path.startsWith('/')
    ? <Link to={path} data-testid="explain-ref" data-kind={item.kind}>{text}</Link>
    : <a href={path} target="_blank" rel="noreferrer" data-testid="explain-ref" data-kind={item.kind}>{text}</a>;
}

function Points({ item }: { item: ExplainItem }) {
  const isBonus = item.weight === 0;
  if (!item.applicable) {
    return <Typography.Text type="secondary" data-testid="explain-item-score">不计入{isBonus ? '' : `（满分 ${score(item.max)}）`}</Typography.Text>;
  }
  if (isBonus) {
    return (
      <span className="num" data-testid="explain-item-score">
        <b style={{ fontSize: 16, color: item.score > 0 ? '#389e0d' : undefined }}>+{score(item.score)}</b>
        <Typography.Text type="secondary">（最多加 {score(item.max)}）</Typography.Text>
      </span>
    );
  }
  const lost = Math.round((item.max - item.score) * 10) / 10;
  return (
    <span className="num" data-testid="explain-item-score">
      <b style={{ fontSize: 16 }}>{score(item.score)}</b>
      <Typography.Text type="secondary"> / {score(item.max)}</Typography.Text>
      {lost > 0 && <Typography.Text type="danger" style={{ marginInlineStart: 6 }}>失 {score(lost)} 分</Typography.Text>}
    </span>
  );
}

/** An item that did not apply this month: one line, and why. */
function SkippedItem({ item }: { item: ExplainItem }) {
  return (
    <div data-testid="explain-item" data-key={item.key} data-applicable="false" style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5', fontSize: 13 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
        <span data-testid="explain-item-label" style={{ color: '#595959' }}>{item.label}</span>
        <Points item={item} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="explain-item-explain">{item.explain}</Typography.Text>
    </div>
  );
}

export function ExplainItemRow({ item }: { item: ExplainItem }) {
  if (!item.applicable) return <SkippedItem item={item} />;
  const isBonus = item.weight === 0;
  // The sentence repeats the figures just shown above it; what is left says how they scored.
  const reason = item.explain.startsWith(`${item.valueText}；`) ? item.explain.slice(item.valueText.length + 1) : item.explain;
  const isFull = !isBonus && item.score >= item.max;
  const percent = item.max > 0 ? Math.round((item.score / item.max) * 100) : 0;
  return (
    <div
      data-testid="explain-item"
      data-key={item.key}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 12, flexWrap: 'wrap' }}>
        <span style={{ minWidth: 0 }}>
          <b style={{ fontSize: 15 }} data-testid="explain-item-label">{item.label}</b>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>{item.metricLabel}</Typography.Text>
        </span>
        <Points item={item} />
      </div>
      {!isBonus && (
        <Progress percent={percent} showInfo={false} size="small" strokeColor={isFull ? '#52c41a' : percent >= 60 ? '#1677ff' : '#ff4d4f'} style={{ margin: '4px 0 6px' }} />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '4.5em 1fr', columnGap: 8, rowGap: 4, fontSize: 13 }}>
        <Typography.Text type="secondary">计分方法</Typography.Text>
        <span data-testid="explain-item-formula">{item.formulaText}</span>
        <Typography.Text type="secondary">本月情况</Typography.Text>
        <span data-testid="explain-item-value">
          {item.valueText}
        </span>
        {/* A group's item says it once: how many projects it applied to and their mean. */}
        {item.explain !== item.valueText && <>
          <Typography.Text type="secondary">得分说明</Typography.Text>
          <span data-testid="explain-item-explain">{reason}</span>
        </>}
      </div>
      {item.refs.length > 0 && (
        <div style={{ marginTop: 6, display: 'grid', gridTemplateColumns: '4.5em 1fr', columnGap: 8, fontSize: 13 }}>
          <Typography.Text type="secondary">依据记录</Typography.Text>
          <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: 2 }} data-testid="explain-item-refs">
            {item.refs.map((r) => <li key={`${r.kind}-${r.id}`}><RefLink item={r} /></li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
