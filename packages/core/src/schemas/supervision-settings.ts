import { z } from 'zod';
import { version } from './fields';

const days = (max: number) => z.number({ error: '必须是天数' }).int('必须是整数天').min(0, '不能为负数').max(max, `最多 ${max} 天`);
const points = z.number({ error: '必须是百分点' }).int('必须是整数').min(1, '至少 1 个百分点').max(100, '最多 100 个百分点');

/** `version` is null for a region's first settings of its own. */
export const supervisionSettingsInput = z.strictObject({
  version: version.nullable(),
  remindAfterDays: days(90),
  superviseAfterDays: days(180),
  interviewAfterDays: days(180),
  defaultDeadlineDays: days(365).min(1, '至少 1 天'),
  behindYellow: points,
  behindRed: points,
  visitDaysPerMonth: z.number({ error: '必须是天数' }).min(0, '不能为负数').max(31, '最多 31 天'),
}).refine((s) => s.behindRed > s.behindYellow, { message: '红色预警的落后百分点必须大于黄色预警', path: ['behindRed'] });
