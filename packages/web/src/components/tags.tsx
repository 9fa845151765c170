import { Tag } from 'antd';
import {
  APPROVAL_STATUSES, CATEGORIES, KEY_LIST_LEVELS, STAGE_LABEL,
  type ApprovalStatus, type Category, type KeyListLevel, type Stage,
} from '@tuijin/core';

export const STAGE_COLOR: Record<Stage, string> = {
  planning: 'default',
  reserve: 'cyan',
  signed: 'geekblue',
  preparing: 'gold',
  under_construction: 'blue',
  completed: 'green',
  operating: 'lime',
  full_production: 'success',
  suspended: 'orange',
  terminated: 'red',
};

export function StageTag({ stage }: { stage: Stage }) {
  return <Tag color={STAGE_COLOR[stage]} style={{ marginInlineEnd: 0 }}>{STAGE_LABEL[stage] ?? stage}</Tag>;
}

export const LEVEL_COLOR: Record<KeyListLevel, string> = {
  county: 'blue',
  city: 'purple',
  province: 'magenta',
  national: 'red',
};
/** Short forms for dense tables: 县/市/省/国. */
export const LEVEL_SHORT: Record<KeyListLevel, string> = { county: '县重点', city: '市重点', province: '省重点', national: '国家重点' };

const LEVEL_ORDER = KEY_LIST_LEVELS.ids;

export function LevelTags({ levels, short }: { levels: readonly string[]; short?: boolean }) {
  const known = LEVEL_ORDER.filter((level) => levels.includes(level));
  if (!known.length) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {[...known].reverse().map((level) => (
        <Tag key={level} color={LEVEL_COLOR[level]} bordered={false} style={{ marginInlineEnd: 0 }}>
          {short ? LEVEL_SHORT[level] : KEY_LIST_LEVELS.label[level]}
        </Tag>
      ))}
    </span>
  );
}

const CATEGORY_COLOR: Record<Category, string> = { industrial: 'blue', services: 'green', infrastructure: 'orange' };

export function CategoryTag({ category }: { category: Category }) {
  return <Tag color={CATEGORY_COLOR[category]} bordered={false} style={{ marginInlineEnd: 0 }}>{CATEGORIES.label[category] ?? category}</Tag>;
}

const APPROVAL_COLOR: Record<ApprovalStatus, string> = {
  pending: 'default', in_progress: 'processing', done: 'success', not_required: 'default',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  return <Tag color={APPROVAL_COLOR[status]} style={{ marginInlineEnd: 0 }}>{APPROVAL_STATUSES.label[status] ?? status}</Tag>;
}
