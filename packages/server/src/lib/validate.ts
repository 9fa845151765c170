import { describeIssues } from '@tuijin/core';
import type { z } from 'zod';
import { invalid } from './errors';

/** Parses input with a schema from core; a failure is a 400 naming each field in Chinese. */
export function parse<T extends z.ZodType>(schema: T, input: unknown, labels?: Record<string, string>): z.output<T> {
  const nulAt = pathOfNul(input);
  if (nulAt) {
    throw invalid(describeIssues([{ code: 'custom', path: nulAt, message: '不能包含空字符（U+0000）', input: undefined }], labels));
  }
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (!result.success) throw invalid(describeIssues(result.error.issues, labels));
  return result.data;
}

/**
 * Where the first string holding U+0000 sits, or null. PostgreSQL text cannot store it (the
 * query fails), and no field needs it, so it is refused on both dialects alike. Iterative, so
 * deeply nested input cannot overflow the stack.
 */
function pathOfNul(input: unknown): (string | number)[] | null {
  type Node = { value: unknown; key: string | number | null; parent: Node | null };
  const stack: Node[] = [{ value: input, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (!value.includes('\u0000')) continue;
      const path: (string | number)[] = [];
      for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
      return path;
    }
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, key: i, parent: node }));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) stack.push({ value: k.includes('\u0000') ? k : v, key: k, parent: node });
    }
  }
  return null;
}
