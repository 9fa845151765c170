import { Tag, Tooltip } from 'antd';
import type { PeriodCounts, PeriodView } from '../reports/types';

// A month's reports at a glance: one bar split by status, the numbers under it, and what is
// late in red — the line the office reads first every morning of the reporting days.

export const STATUS_SEGMENTS = [
  { key: 'approved', label: '已审核', color: '#52c41a' },
  { key: 'submitted', label: '已报送', color: '#1677ff' },
  { key: 'returned', label: '已退回', color: '#fa8c16' },
  { key: 'draft', label: '草稿', color: '#fadb14' },
  { key: 'notStarted', label: '未填报', color: '#d9d9d9' },
] as const satisfies readonly { key: keyof PeriodCounts; label: string; color: string }[];

export function PeriodProgress({ counts, compact }: { counts: PeriodCounts; compact?: boolean }) {
  const total = counts.total || 1;
  return (
    <div style={{ minWidth: compact ? 260 : undefined }} data-testid="period-progress">
      <div style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }}>
        {STATUS_SEGMENTS.map((s) => counts[s.key] > 0 && (
          <Tooltip key={s.key} title={`${s.label} ${counts[s.key]} 份`}>
            <div style={{ width: `${(counts[s.key] / total) * 100}%`, background: s.color }} />
          </Tooltip>
        ))}
      </div>
      <div className="num" style={{ display: 'flex', flexWrap: 'wrap', columnGap: 10, rowGap: 2, marginTop: 4, fontSize: 12, color: '#595959' }}>
        {counts.total === 0 && <span>本月没有需要报送的项目</span>}
        {STATUS_SEGMENTS.filter((s) => counts[s.key] > 0).map((s) => (
          <span key={s.key} style={{ whiteSpace: 'nowrap' }}>
            <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: s.color, marginInlineEnd: 3 }} />
            {s.label} {counts[s.key]}
          </span>
        ))}
        {counts.missing > 0 && <span style={{ color: '#cf1322', fontWeight: 600, whiteSpace: 'nowrap' }}>逾期 {counts.missing}</span>}
        {counts.late > 0 && <span style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>迟报 {counts.late}</span>}
      </div>
    </div>
  );
}

export function PeriodStatusTag({ period }: { period: Pick<PeriodView, 'status' | 'statusLabel'> }) {
  return <Tag color={period.status === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>{period.statusLabel}</Tag>;
}
