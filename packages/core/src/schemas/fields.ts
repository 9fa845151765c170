import { z } from 'zod';
import { isDate, isPeriod } from '../period';
import { isValidUscc, normalizeUscc } from '../uscc';
import { isRegionCode } from '../region';
import { MAX_YUAN } from '../money';

// Building blocks shared by every schema. Messages are Chinese; the field's own name is
// added by the issue formatter (labels.ts), so these say what is wrong, not where.

// Ids and versions live in 32-bit integer columns (PostgreSQL `integer`): a larger number is
// refused here, not by the database as a 500.
export const MAX_INT32 = 2_147_483_647;
export const id = z.number({ error: '必须是编号（正整数）' }).int('必须是编号（正整数）').positive('必须是编号（正整数）').max(MAX_INT32, '编号超出范围');
export const idParam = z.coerce.number({ error: '必须是编号（正整数）' }).int('必须是编号（正整数）').positive('必须是编号（正整数）').max(MAX_INT32, '编号超出范围');

/** Paging from the query string, defaulting to the first page. */
export const pageParam = z.coerce.number({ error: '必须是正整数' }).int('必须是正整数').min(1, '页码从 1 开始').default(1);
export const pageSizeParam = (max: number) =>
  z.coerce.number({ error: '必须是正整数' }).int('必须是正整数').min(1, '每页至少 1 行').max(max, `每页最多 ${max} 行`);

export const text = (max: number) =>
  z.string({ error: '必须是文字' }).trim().max(max, `不能超过 ${max} 个字`);
export const requiredText = (max: number) => text(max).min(1, '不能为空');
export const optionalText = (max: number) =>
  text(max).transform((v) => (v === '' ? null : v)).nullable().optional();

/** Integer yuan, never negative: money is stored exactly (DESIGN.md §4). */
export const yuan = z
  .number({ error: '必须是金额（整数元）' })
  .int('必须是整数元，不能有小数')
  .min(0, '不能为负数')
  .max(MAX_YUAN, '金额过大');

export const date = z.string({ error: '必须是日期（YYYY-MM-DD）' }).refine((v) => isDate(v), '必须是有效日期（YYYY-MM-DD）');
export const period = z.string({ error: '必须是月份（YYYY-MM）' }).refine((v) => isPeriod(v), '必须是有效月份（YYYY-MM）');
export const year = z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100');
export const yearParam = z.coerce.number({ error: '必须是年份' }).int('必须是年份').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100');

export const regionCode = z.string({ error: '必须是 6 位行政区划代码' }).refine(isRegionCode, '必须是 6 位行政区划代码');

export const uscc = z
  .string({ error: '必须是 18 位统一社会信用代码' })
  .transform(normalizeUscc)
  // An empty box means "not known yet", as for every other optional field.
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v === null || isValidUscc(v), '统一社会信用代码校验位不正确，请核对');

/** Mainland mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxx, extension allowed). */
export const phone = z
  .string({ error: '必须是电话号码' })
  .trim()
  .transform((v) => v.replace(/[\s()（）]/g, '').replace(/^\+?86-?/, ''))
  .refine((v) => /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v), '不是有效的手机或固定电话号码');

export const version = z.number({ error: '缺少版本号' }).int('版本号必须是整数').min(1, '版本号必须是正整数').max(MAX_INT32, '版本号超出范围');

/** WGS-84 point; China lies well inside these bounds, so a swapped or zero pair is caught. */
export const lng = z.number({ error: '必须是经度' }).min(73, '经度超出中国范围').max(136, '经度超出中国范围');
export const lat = z.number({ error: '必须是纬度' }).min(3, '纬度超出中国范围').max(54, '纬度超出中国范围');

export const enumOf = <T extends readonly [string, ...string[]]>(ids: T, labels: Record<T[number], string>) =>
  z.enum(ids, { error: `取值无效，可选：${Object.values<string>(labels).join('、')}` });

/** Query-string list: `a,b` or repeated keys, each checked against the allowed values. */
export const listParam = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50, '选项太多'));
