import { describe, expect, it } from 'vitest';
import { LEVEL3_PASSWORD_POLICY, characterClasses, isPasswordExpired, passwordProblems } from './password-policy';

const SHORT = '密码至少 8 位';
const CLASSES = '密码需包含大写字母、小写字母、数字、符号中的至少 3 类';
const COMMON = '密码过于常见，容易被猜中';
const USERNAME = '密码不能包含用户名';

const commonList = new Set(['password1!', 'p@ssw0rd', 'qwer1234!']);
const isCommon = (lowercased: string) => commonList.has(lowercased);

describe('characterClasses', () => {
  it.each<[string, number]>([
    ['', 0], ['abc', 1], ['ABC', 1], ['123', 1], ['!@#', 1], ['中文', 1],
    ['abcABC', 2], ['abc123', 2], ['abC1', 3], ['aB1!', 4], ['a b', 2],
  ])('%j has %d classes', (password, classes) => {
    expect(characterClasses(password)).toBe(classes);
  });
});

describe('passwordProblems', () => {
  it.each<[string, string, { username?: string; common?: boolean }, string[]]>([
    ['acceptable', 'Tuijin#2024', {}, []],
    ['exactly the minimum length', 'Ab1!Ab1!', {}, []],
    ['three classes without symbols', 'Tuijin2024', {}, []],
    ['short', 'Ab1!Ab1', {}, [SHORT]],
    ['short and one class', 'abc', {}, [SHORT, CLASSES]],
    ['long but two classes', 'tuijinoffice2024', {}, [CLASSES]],
    ['long but only letters', 'TuijinOfficeKeyProjects', {}, [CLASSES]],
    ['common (checked lowercased)', 'Password1!', { common: true }, [COMMON]],
    ['common and weak together', 'P@ssw0rd', { common: true }, [COMMON]],
    ['contains the username', 'Zhangsan@2024', { username: 'zhangsan' }, [USERNAME]],
    ['contains the username in another case', 'xZHANGSAN1!', { username: 'ZhangSan' }, [USERNAME]],
    ['username shorter than 3 is not checked', 'Li@2024xyz', { username: 'li' }, []],
    ['username not contained', 'Tuijin#2024', { username: 'wangwu' }, []],
    ['everything wrong', 'qwer', { username: 'qwer', common: true }, [SHORT, CLASSES, USERNAME]],
  ])('%s: %j', (_case, password, ctx, problems) => {
    const context = { username: ctx.username, isCommon: ctx.common ? isCommon : undefined };
    expect(passwordProblems(password, LEVEL3_PASSWORD_POLICY, context)).toEqual(problems);
  });

  it('passes the lowercased password to isCommon', () => {
    const seen: string[] = [];
    passwordProblems('AbC1!xyz', LEVEL3_PASSWORD_POLICY, { isCommon: (p) => (seen.push(p), false) });
    expect(seen).toEqual(['abc1!xyz']);
  });

  it('counts characters, not UTF-16 units', () => {
    // 7 characters, the emoji is two UTF-16 units: still too short.
    expect(passwordProblems('Ab1!xy😀', LEVEL3_PASSWORD_POLICY)).toEqual([SHORT]);
    expect(passwordProblems('Ab1!xyz😀', LEVEL3_PASSWORD_POLICY)).toEqual([]);
  });

  it('follows a stricter policy', () => {
    const strict = { ...LEVEL3_PASSWORD_POLICY, minLength: 12, minClasses: 4 };
    expect(passwordProblems('Tuijin2024ab', strict)).toEqual(['密码需包含大写字母、小写字母、数字、符号中的至少 4 类']);
    expect(passwordProblems('Tuijin#2024', strict)).toEqual(['密码至少 12 位']);
  });
});

describe('isPasswordExpired', () => {
  const DAY = 86_400_000;
  const changedAt = '2024-01-01T00:00:00.000Z';
  const at = (ms: number) => new Date(Date.parse(changedAt) + ms);

  it.each<[string, Date, number, boolean]>([
    ['just changed', at(0), 90, false],
    ['89 days', at(89 * DAY), 90, false],
    ['exactly 90 days', at(90 * DAY), 90, false],
    ['90 days and 1 ms', at(90 * DAY + 1), 90, true],
    ['a year later', at(365 * DAY), 90, true],
    ['180-day policy at 179 days', at(179 * DAY), 180, false],
    ['180-day policy at 180 days + 1 ms', at(180 * DAY + 1), 180, true],
    ['maxAge 0 means never', at(10_000 * DAY), 0, false],
    ['negative maxAge means never', at(10_000 * DAY), -1, false],
  ])('%s', (_case, now, maxAgeDays, expired) => {
    expect(isPasswordExpired(changedAt, now, maxAgeDays)).toBe(expired);
  });

  it('reads the admin and ordinary limits from the level-3 policy', () => {
    expect(LEVEL3_PASSWORD_POLICY.maxAgeDaysAdmin).toBe(90);
    expect(LEVEL3_PASSWORD_POLICY.maxAgeDays).toBe(180);
    expect(isPasswordExpired(changedAt, at(100 * DAY), LEVEL3_PASSWORD_POLICY.maxAgeDaysAdmin)).toBe(true);
    expect(isPasswordExpired(changedAt, at(100 * DAY), LEVEL3_PASSWORD_POLICY.maxAgeDays)).toBe(false);
  });
});
