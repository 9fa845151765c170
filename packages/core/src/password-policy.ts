// Password quality (SECURITY.md row 1, 等保 level 3): length, three of four character
// classes, not a common password, not the user's name. Reuse of the last five is checked
// by the server, which holds the hashes.

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
  historyCount: number;
  /** Days before a password must be changed; 0 turns expiry off. */
  maxAgeDaysAdmin: number;
  maxAgeDays: number;
}

export const LEVEL3_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8, minClasses: 3, historyCount: 5, maxAgeDaysAdmin: 90, maxAgeDays: 180,
};

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** Every reason the password is refused, in Chinese; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string; isCommon?: (lowercased: string) => boolean } = {},
): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`密码至少 ${policy.minLength} 位`);
  if (characterClasses(password) < policy.minClasses) {
    problems.push(`密码需包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`);
  }
  const lower = password.toLowerCase();
  if (context.isCommon?.(lower)) problems.push('密码过于常见，容易被猜中');
  if (context.username && context.username.length >= 3 && lower.includes(context.username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}

export function isPasswordExpired(changedAt: string, now: Date, maxAgeDays: number): boolean {
  if (maxAgeDays <= 0) return false;
  return now.getTime() - Date.parse(changedAt) > maxAgeDays * 86_400_000;
}
