import { describeIssues } from '@tuijin/core';
import type { z } from 'zod';
import { invalid } from './errors';

/** Parses input with a schema from core; a failure is a 400 naming each field in Chinese. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw invalid(describeIssues(result.error.issues));
  return result.data;
}
