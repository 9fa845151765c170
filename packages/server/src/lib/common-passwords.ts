import { readFileSync } from 'node:fs';

// The 3,000 most common passwords (source and licence in data/SOURCE.md), read once.
let cached: Set<string> | null = null;

export function commonPasswordChecker(): (lowercased: string) => boolean {
  cached ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const set = cached;
  return (password) => set.has(password);
}
