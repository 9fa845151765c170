import { Tag, Tooltip } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import { dateTime } from '../../components/format';
import type { RankingItem, ScoreRun } from './types';

// The small marks a ranking is read by: the score with one decimal, the places moved since last
// month, the 红旗/黄旗, and the run's state.

/** Scores are shown as the office prints them: one decimal (92.5). */
export const score = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(1));

export const MOVE_UP = '#389e0d';
export const MOVE_DOWN = '#cf1322';

/** ↑3 (green: climbed), ↓2 (red: fell), — (same place), 新 (not ranked last month). */
export function Movement({ item }: { item: Pick<RankingItem, 'movement' | 'previousRank'> }) {
  if (item.movement == null || item.previousRank == null) {
    return <Tooltip title="上月无排名（未参加排名或上月结果未发布）"><Tag bordered={false} color="blue" style={{ marginInlineEnd: 0 }} data-testid="movement">新</Tag></Tooltip>;
  }
  const title = `上月第 ${item.previousRank} 名`;
  if (item.movement === 0) return <Tooltip title={title}><span style={{ color: '#8c8c8c' }} data-testid="movement">—</span></Tooltip>;
  const isUp = item.movement > 0;
  return (
    <Tooltip title={title}>
      <span className="num" style={{ color: isUp ? MOVE_UP : MOVE_DOWN, fontWeight: 600 }} data-testid="movement">
        {isUp ? '↑' : '↓'}{Math.abs(item.movement)}
      </span>
    </Tooltip>
  );
}

export function FlagTag({ flag }: { flag: RankingItem['flag'] }) {
  if (!flag) return null;
  return (
    <Tag icon={<FlagFilled />} color={flag === 'red' ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }} data-testid="score-flag">
      {flag === 'red' ? '红旗' : '黄旗'}
    </Tag>
  );
}

export function RunStatusTag({ run }: { run: ScoreRun }) {
  return run.status === 'published'
    ? <Tag color="success" style={{ marginInlineEnd: 0 }} data-testid="run-status">已发布</Tag>
    : <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid="run-status">草稿</Tag>;
}

/** 「重点项目考核办法 第2版 · 36 个项目 · 计算于 2026-06-03 09:12 · 发布于 2026-06-05 10:00」 */
export function runLine(run: ScoreRun): string {
  // The built-in scheme (version 0) is no version of the county's.
  const parts = [run.scheme.version > 0 ? `${run.scheme.name} 第${run.scheme.version}版` : run.scheme.name, `${run.projects} 个项目`, `计算于 ${dateTime(run.computedAt)}`];
  if (run.publishedAt) parts.push(`发布于 ${dateTime(run.publishedAt)}`);
  return parts.join(' · ');
}
