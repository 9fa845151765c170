import { Card } from 'antd';
import type { PeriodCounts } from '../reports/types';
import type { BoardStatus } from './use-board-params';

// The month's counts as cards that filter the table below: click 逾期未报 to see who is late.

interface StatDef {
  status: BoardStatus | null;
  label: string;
  value: (c: PeriodCounts) => number;
  color?: string;
  isAlarm?: boolean;
}

const STATS: StatDef[] = [
  { status: null, label: '应报', value: (c) => c.total },
  { status: 'approved', label: '已审核', value: (c) => c.approved, color: '#389e0d' },
  { status: 'submitted', label: '已报送待审', value: (c) => c.submitted, color: '#1677ff' },
  { status: 'returned', label: '已退回', value: (c) => c.returned, color: '#d46b08' },
  { status: 'draft', label: '草稿', value: (c) => c.draft, color: '#d4b106' },
  { status: 'not_started', label: '未填报', value: (c) => c.notStarted, color: '#595959' },
  { status: 'missing', label: '逾期未报', value: (c) => c.missing, color: '#cf1322', isAlarm: true },
  { status: 'late', label: '迟报', value: (c) => c.late, color: '#cf1322', isAlarm: true },
];

export function PeriodStatCards({ counts, active, onPick }: { counts: PeriodCounts; active: BoardStatus | null; onPick: (status: BoardStatus | null) => void }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(112px, 1fr))', gap: 8 }} data-testid="period-stats">
      {STATS.map((s) => {
        const value = s.value(counts);
        const isActive = active === s.status;
        const isRed = s.isAlarm && value > 0;
        return (
          <Card
            key={s.label}
            size="small"
            hoverable
            role="button"
            tabIndex={0}
            aria-pressed={isActive}
            onClick={() => onPick(isActive ? null : s.status)}
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(isActive ? null : s.status); } }}
            data-testid={`stat-${s.status ?? 'total'}`}
            style={{
              borderColor: isActive ? '#1677ff' : isRed ? '#ffccc7' : undefined,
              background: isActive ? '#e6f4ff' : isRed ? '#fff1f0' : undefined,
              boxShadow: isActive ? '0 0 0 1px #1677ff inset' : undefined,
            }}
            styles={{ body: { padding: '8px 12px' } }}
          >
            <div style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'nowrap' }}>{s.label}</div>
            <div className="num" style={{ fontSize: 22, fontWeight: 600, lineHeight: '30px', color: value ? s.color : '#bfbfbf' }}>
              {value}<span style={{ fontSize: 12, fontWeight: 400, color: '#8c8c8c', marginInlineStart: 2 }}>份</span>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
