import { Empty, Timeline, Typography } from 'antd';
import { STAGE_COLOR, StageTag } from '../../components/tags';
import { dateTime } from '../../components/format';
import type { ProjectDetail } from './types';

const TIMELINE_COLOR: Record<string, string> = { red: 'red', orange: 'orange', green: 'green', success: 'green' };

/** 阶段记录: every stage change with its date, who recorded it and why. */
export function StageHistoryTab({ detail }: { detail: ProjectDetail }) {
  const records = [...detail.stageHistory].sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at));
  if (!records.length) return <Empty description="暂无阶段变更记录" />;
  return (
    <Timeline
      style={{ marginTop: 8, maxWidth: 760 }}
      data-testid="stage-history"
      items={records.map((r, i) => ({
        key: `${r.at}-${i}`,
        color: TIMELINE_COLOR[STAGE_COLOR[r.toStage]] ?? 'blue',
        children: (
          <div>
            <div>
              <span className="num" style={{ fontWeight: 600, marginInlineEnd: 12 }}>{r.date}</span>
              {r.fromStage ? <><StageTag stage={r.fromStage} /> → </> : '建档，阶段为 '}
              <StageTag stage={r.toStage} />
            </div>
            {r.note && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{r.note}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.username ?? '系统'} 记录于 {dateTime(r.at)}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
