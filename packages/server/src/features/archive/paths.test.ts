import { describe, expect, it } from 'vitest';
import { extensionFor, hrefOf, numberedSegment, safeSegment } from './paths';

describe('safeSegment', () => {
  it.each<[string | null, string]>([
    ['城南污水处理厂', '城南污水处理厂'],
    ['城北物流园/二期 <仓储>..', '城北物流园_二期 _仓储_'],
    ['..', '未命名'],
    ['../../etc/passwd', '_._etc_passwd'],
    ['a\\b:c*d?e"f|g', 'a_b_c_d_e_f_g'],
    ['#1 进度 100%', '_1 进度 100_'],
    ['  多个   空格\t和\n换行  ', '多个 空格 和 换行'],
    ['.hidden', 'hidden'],
    ['结尾的点...', '结尾的点'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['\u0000\u0007控制\u200b字符', '__控制_字符'],
    ['', '未命名'],
    [null, '未命名'],
  ])('%j → %j', (input, expected) => {
    expect(safeSegment(input)).toBe(expected);
  });

  it('keeps at most 80 characters without splitting a character', () => {
    const long = '项'.repeat(79) + '𠮷𠮷';
    expect(Array.from(safeSegment(long))).toHaveLength(80);
    expect(safeSegment(long).endsWith('𠮷')).toBe(true);
    expect(safeSegment('a'.repeat(200))).toHaveLength(80);
  });
});

describe('numberedSegment', () => {
  it('numbers and keeps the whole segment within the limit', () => {
    expect(numberedSegment(7, 3, '城南污水处理厂')).toBe('007-城南污水处理厂');
    expect(numberedSegment(12, 1, '/')).toBe('12-_');
    expect(Array.from(numberedSegment(1, 3, '项'.repeat(200)))).toHaveLength(80);
  });
});

describe('extensionFor and hrefOf', () => {
  it('keeps a plain extension, else the format', () => {
    expect(extensionFor('现场航拍.MP4', 'mp4')).toBe('mp4');
    expect(extensionFor('IMG_0001.HEIC', 'heic')).toBe('heic');
    expect(extensionFor('no-extension', 'jpeg')).toBe('jpeg');
    expect(extensionFor('weird.j p g', 'mov')).toBe('mov');
  });

  it('percent-encodes each segment for a file:// link', () => {
    expect(hrefOf('projects/001-城南 #1/index.html')).toBe('projects/001-%E5%9F%8E%E5%8D%97%20%231/index.html');
    expect(hrefOf('../../index.html')).toBe('../../index.html');
  });
});
