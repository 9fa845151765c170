import { z } from 'zod';
import { MAX_INT32 } from '../schemas/fields';

// The office's edited text of 「一、基本情况」. Version 0 saves the first text of a year; after
// that the version read must be sent back (a stale one is refused). An empty text is refused
// by the server with its own message (422): it is the 恢复为系统生成 button's job to drop the text.

export const SUMMARY_TEXT_MAX = 20_000;

export const SUMMARY_LABELS: Record<string, string> = { text: '总结内容', version: '版本号', year: '年度' };

export const summarySave = z.strictObject({
  text: z.string({ error: '必须是文字' }).max(SUMMARY_TEXT_MAX, `不能超过 ${SUMMARY_TEXT_MAX} 个字`),
  version: z.number({ error: '缺少版本号' }).int('版本号必须是整数').min(0, '版本号不能为负数').max(MAX_INT32, '版本号超出范围'),
});
export type SummarySaveInput = z.infer<typeof summarySave>;

export const summaryVersionQuery = z.strictObject({
  version: z.coerce.number({ error: '缺少版本号' }).int('版本号必须是整数').min(1, '版本号必须是正整数').max(MAX_INT32, '版本号超出范围'),
});

/** The text as paragraphs: one per non-empty line, trimmed (the TextArea's blank lines are spacing only). */
export function summaryParagraphs(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}
