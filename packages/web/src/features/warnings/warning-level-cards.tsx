import { Card } from 'antd';
import type { WarningLevel } from '@tuijin/core';
import type { WarningSummary } from './types';
import { LEVEL_TEXT_COLOR } from './warning-tags';

// 红黄绿 as three cards: projects at each colour (and warnings behind them); red and yellow
// filter the list below, a second click clears it.

const CARDS = [
  { level: 'red', label: '红色预警项目', background: '#fff1f0', border: '#ffccc7' },
  { level: 'yellow', label: '黄色预警项目', background: '#fffbe6', border: '#ffe58f' },
  { level: 'green', label: '绿色（无预警）', background: '#f6ffed', border: '#d9f7be' },
] as const;

export function WarningLevelCards({ summary, active, onPick }: { summary: WarningSummary | undefined; active: WarningLevel | null; onPick: (level: WarningLevel | null) => void }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(104px, 1fr))', gap: 8, marginBottom: 12 }} data-testid="warning-level-cards">
      {CARDS.map((c) => {
        const projects = summary?.levels[c.level] ?? 0;
        const isActive = c.level !== 'green' && active === c.level;
        const isClickable = c.level !== 'green';
        const pick = () => isClickable && onPick(isActive ? null : (c.level as WarningLevel));
        return (
          <Card
            key={c.level}
            size="small"
            hoverable={isClickable}
            role={isClickable ? 'button' : undefined}
            tabIndex={isClickable ? 0 : undefined}
            aria-pressed={isClickable ? isActive : undefined}
            onClick={pick}
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } }}
            data-testid={`warning-card-${c.level}`}
            style={{ background: c.background, borderColor: isActive ? LEVEL_TEXT_COLOR[c.level] : c.border, boxShadow: isActive ? `0 0 0 1px ${LEVEL_TEXT_COLOR[c.level]} inset` : undefined }}
            styles={{ body: { padding: '8px 12px' } }}
          >
            <div style={{ fontSize: 12, color: '#595959', whiteSpace: 'nowrap' }}>{c.label}</div>
            <div className="num" style={{ fontSize: 24, fontWeight: 600, lineHeight: '32px', color: LEVEL_TEXT_COLOR[c.level] }}>
              {projects}<span style={{ fontSize: 12, fontWeight: 400, color: '#8c8c8c', marginInlineStart: 2 }}>个</span>
            </div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {c.level === 'green' ? `在推进 ${summary?.projects ?? 0} 个` : `预警 ${summary?.warnings[c.level] ?? 0} 条`}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
