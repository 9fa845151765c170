import { Tag } from 'antd';
import { PROJECT_LEVEL_LABEL, WARNING_LEVEL_LABEL, type ProjectLevel, type WarningLevel } from '@tuijin/core';

// 红黄绿 as the office paints them: the same colours on every page.

export const LEVEL_TAG_COLOR: Record<ProjectLevel, string> = { red: 'red', yellow: 'gold', green: 'green' };
export const LEVEL_TEXT_COLOR: Record<ProjectLevel, string> = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };

/** 红/黄 on a warning. */
export function WarningLevelTag({ level, short }: { level: WarningLevel; short?: boolean }) {
  return (
    <Tag color={LEVEL_TAG_COLOR[level]} style={{ marginInlineEnd: 0 }} data-testid={`warning-level-${level}`}>
      {short ? (level === 'red' ? '红' : '黄') : WARNING_LEVEL_LABEL[level]}
    </Tag>
  );
}

/** A project's colour in words: its worst warning, or none. */
export function projectLevelText(level: ProjectLevel): string {
  return level === 'green' ? '无预警' : `${PROJECT_LEVEL_LABEL[level]}预警`;
}
