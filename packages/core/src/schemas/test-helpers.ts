import type { z } from 'zod';
import { describeIssues } from './labels';

// Shared by the schema tests: run a schema and read its Chinese messages or its output.

/** The Chinese messages a schema gives for an input; fails the test if the input is accepted. */
export function messagesOf(schema: z.ZodType, input: unknown, params?: { reportInput?: boolean }): string[] {
  const result = schema.safeParse(input, params);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return describeIssues(result.error.issues).map((i) => i.message);
}

export function dataOf<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(describeIssues(result.error.issues)));
  return result.data;
}

export const HAS_HAN = /[\u4e00-\u9fff]/;
export const ENGLISH = /invalid|expected|too (small|big)|received|unrecognized/i;

export const CATEGORY_CHOICES = '取值无效，可选：工业、服务业、基础设施和民生';

export const project = {
  name: '  年产10万吨新型建材项目 ',
  regionCode: '371425',
  category: 'industrial',
  industry: 'new_materials',
  nature: 'new',
  totalInvestment: 1_250_000_000,
};
