import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from './cell-safety';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","点击")', `'=HYPERLINK("http://x","点击")`],
    ['+86 138 0000 0000', `'+86 138 0000 0000`],
    ['-2+3+cmd|\' /C calc\'!A0', `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['正大高端装备项目', '正大高端装备项目'],
    ['1-8月完成', '1-8月完成'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });
});
