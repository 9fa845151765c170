import { Alert } from 'antd';
import { levelOfCode, REGION_LEVELS } from '@tuijin/core';

// A region's settings (月报设置, 督导设置) follow the nearest region above that has its own
// until the region saves some: the dialog says whose are in force.

export interface InheritedSettings {
  inherited: boolean;
  /** The region whose settings are in force, or null for the system's defaults. */
  from: string | null;
  fromName: string | null;
}

/** Whose settings a region without its own follows, in words. */
export function inheritedFrom(view: Pick<InheritedSettings, 'from' | 'fromName'>): string {
  if (!view.from) return '系统默认设置';
  return `${view.fromName ?? `上级（${REGION_LEVELS.label[levelOfCode(view.from)] ?? '上级'}）`}重点项目办的设置`;
}

export function InheritedSettingsAlert({ view, testId }: { view: InheritedSettings; testId: string }) {
  if (!view.inherited) return null;
  return (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid={testId}
      message={`本地区尚未单独设置，当前沿用${inheritedFrom(view)}。保存后本地区将使用自己的设置。`} />
  );
}
