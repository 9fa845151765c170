import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { detectMedia, kindOfName, safeFilename, sniffMedia } from './sniff';

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
const text = (s: string) => Buffer.from(s, 'utf8');
const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(64, 0x11)]);

/** An ISO-BMFF ftyp box with these brands (major first), followed by a few bytes. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + compatible.length * 4);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((b, i) => box.write(b, 16 + i * 4, 'latin1'));
  return pad(box);
}

const JPEG = pad(hex('ffd8ffe0 0010 4a464946 00'));
const PNG = pad(hex('89504e470d0a1a0a 0000000d 49484452'));
const WEBP = pad(Buffer.concat([text('RIFF'), hex('24000000'), text('WEBPVP8 ')]));

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
const reasonOf = (e: AppError) => (e.details as { reason: string }).reason;

describe('sniffMedia accepts', () => {
  it.each([
    ['IMG_0001.jpg', JPEG, { kind: 'photo', format: 'jpeg', mime: 'image/jpeg', ext: '.jpg' }],
    ['IMG_0001.JPEG', JPEG, { kind: 'photo', format: 'jpeg', mime: 'image/jpeg', ext: '.jpg' }],
    ['截图.png', PNG, { kind: 'photo', format: 'png', mime: 'image/png', ext: '.png' }],
    ['mmexport1700000000000.jpg', PNG, { kind: 'photo', format: 'png', mime: 'image/png', ext: '.png' }], // WeChat
    ['a.webp', WEBP, { kind: 'photo', format: 'webp', mime: 'image/webp', ext: '.webp' }],
    ['IMG_0002.HEIC', ftyp('heic', 'mif1', 'heic', 'miaf'), { kind: 'photo', format: 'heic', mime: 'image/heic', ext: '.heic' }],
    ['a.heif', ftyp('mif1', 'mif1', 'heic'), { kind: 'photo', format: 'heic', mime: 'image/heif', ext: '.heif' }],
    ['a.heic', ftyp('heix', 'mif1'), { kind: 'photo', format: 'heic', mime: 'image/heic', ext: '.heic' }],
    ['a.heic', ftyp('avif', 'avif', 'mif1', 'miaf'), { kind: 'photo', format: 'heic', mime: 'image/avif', ext: '.avif' }],
    ['VID_20261103.mp4', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), { kind: 'video', format: 'mp4', mime: 'video/mp4', ext: '.mp4' }],
    ['a.mp4', ftyp('mp42', 'isom'), { kind: 'video', format: 'mp4', mime: 'video/mp4', ext: '.mp4' }],
    ['a.m4v', ftyp('M4V ', 'M4V ', 'mp42'), { kind: 'video', format: 'mp4', mime: 'video/mp4', ext: '.mp4' }],
    ['old-android.mp4', ftyp('3gp4', '3gp4', 'isom'), { kind: 'video', format: 'mp4', mime: 'video/mp4', ext: '.mp4' }],
    ['IMG_0003.MOV', ftyp('qt  ', 'qt  '), { kind: 'video', format: 'mov', mime: 'video/quicktime', ext: '.mov' }],
    ['renamed.mov', ftyp('isom', 'mp41'), { kind: 'video', format: 'mp4', mime: 'video/mp4', ext: '.mp4' }],
    ['old-quicktime.mov', pad(Buffer.concat([hex('00000008'), text('wide'), hex('00001000'), text('mdat')])), { kind: 'video', format: 'mov', mime: 'video/quicktime', ext: '.mov' }],
  ] as const)('%s', (name, bytes, expected) => {
    expect(sniffMedia(bytes, name)).toEqual(expected);
  });
});

describe('sniffMedia refuses with 415', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>';
  it.each([
    ['HTML renamed .jpg', 'x.jpg', text('<!DOCTYPE html><html><body><script>alert(1)</script>'), 'hostile', '网页（HTML）'],
    ['HTML in capitals after a BOM and blank lines', 'x.jpg', text('\uFEFF\r\n\n  <HTML><HEAD>'), 'hostile', '网页（HTML）'],
    ['an HTML fragment', 'x.png', text('<img src=x onerror=alert(1)>'), 'hostile', '网页（HTML）'],
    ['SVG renamed .jpg', 'x.jpg', text(svg), 'hostile', '网页/SVG 矢量图'],
    ['SVG after an XML declaration', 'x.jpg', text(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn -->\n${svg}`), 'hostile', '网页/SVG 矢量图'],
    ['SVG after a BOM and whitespace', 'x.png', text(`\uFEFF \t\n${svg}`), 'hostile', '网页/SVG 矢量图'],
    ['SVG in UTF-16', 'x.jpg', Buffer.concat([hex('fffe'), Buffer.from(svg, 'utf16le')]), 'hostile', '网页/SVG 矢量图'],
    ['other XML', 'x.jpg', text('<?xml version="1.0"?><note/>'), 'hostile', 'XML 文档'],
    ['PHP', 'x.jpg', text('<?php system($_GET["c"]); ?>'), 'hostile', 'PHP 脚本'],
    ['ELF', 'x.jpg', pad(hex('7f454c46 02010100')), 'hostile', 'Linux 可执行程序（ELF）'],
    ['EXE', 'x.mp4', pad(hex('4d5a9000 03000000')), 'hostile', 'Windows 可执行程序'],
    ['ZIP', 'x.jpg', pad(hex('504b0304 14000000')), 'hostile', 'ZIP 压缩包或 Office 文档'],
    ['PDF', 'x.jpg', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'hostile', 'PDF 文档'],
    ['a shell script', 'x.mov', text('#!/bin/sh\nrm -rf /\n'), 'hostile', '脚本文件'],
    ['GIF', 'x.jpg', pad(text('GIF89a')), 'unsupported_format', 'GIF 动图'],
    ['BMP', 'x.jpg', pad(hex('424d 36000c00')), 'unsupported_format', 'BMP 位图'],
    ['TIFF', 'x.jpg', pad(hex('49492a00 08000000')), 'unsupported_format', 'TIFF 图像或相机 RAW 文件'],
    ['Matroska/WebM', 'x.mp4', pad(hex('1a45dfa3 9f4286')), 'unsupported_format', 'MKV/WebM 视频'],
    ['AVI', 'x.mp4', pad(Buffer.concat([text('RIFF'), hex('00100000'), text('AVI LIST')])), 'unsupported_format', 'AVI 视频'],
    ['M4A audio', 'x.mp4', ftyp('M4A ', 'M4A ', 'mp42'), 'unsupported_format', 'M4A 音频'],
    ['plain text', 'x.jpg', text('项目进度说明：本月完成主体结构。'), 'unsupported_format', '文本文件'],
    ['random bytes', 'x.jpg', hex('00 13 a7 f2 99 c4 08 01 be ef 00 00 ff 01 02 03'), 'unsupported_format', null],
    ['an unknown ISO-BMFF brand', 'x.mp4', ftyp('abcd', 'efgh'), 'unsupported_format', null],
  ] as const)('%s', (_label, name, bytes, reason, looksLike) => {
    const e = refusal(() => sniffMedia(bytes, name));
    expect(e.status).toBe(415);
    expect(e.details).toEqual({ reason, looksLike });
    expect(e.message).toContain(`「${name}」`);
    if (looksLike) expect(e.message).toContain(looksLike);
  });

  it('words the SVG refusal as the brief asks', () => {
    expect(refusal(() => sniffMedia(text(svg), 'x.jpg')).message).toBe('「x.jpg」不是图片或视频文件（看起来是网页/SVG 矢量图，出于安全原因不接受）');
  });

  it('refuses an empty file', () => {
    const e = refusal(() => sniffMedia(Buffer.alloc(0), '空.jpg'));
    expect([e.status, reasonOf(e)]).toEqual([415, 'empty']);
    expect(e.message).toBe('「空.jpg」是空文件，请重新选择');
  });

  it.each([
    ['a video named as a photo', ftyp('isom', 'mp41'), 'clip.jpg', 'photo'],
    ['a QuickTime video named as a photo', ftyp('qt  '), 'clip.png', 'photo'],
    ['a photo named as a video', JPEG, 'photo.mp4', 'video'],
    ['a HEIC named as a video', ftyp('heic', 'mif1'), 'photo.mov', 'video'],
  ] as const)('refuses %s', (_label, bytes, name, named) => {
    const e = refusal(() => sniffMedia(bytes, name));
    expect([e.status, reasonOf(e)]).toEqual([415, 'kind_mismatch']);
    expect((e.details as { named: string }).named).toBe(named);
  });

  it.each(['photo.gif', 'photo.exe', 'photo', 'photo.jpg.exe', 'photo.avif', 'photo.tif'])('refuses a real JPEG named %s (extension not on the allow-list)', (name) => {
    const e = refusal(() => sniffMedia(JPEG, name));
    expect([e.status, reasonOf(e)]).toEqual([415, 'extension']);
  });

  it('names the file by its sanitised name', () => {
    const e = refusal(() => sniffMedia(text('<html>'), '../../etc/passwd.jpg'));
    expect(e.message).toContain('「passwd.jpg」');
    expect(e.message).not.toContain('..');
  });
});

describe('kindOfName and detectMedia', () => {
  it.each([
    ['a.JPG', 'photo'], ['a.jpeg', 'photo'], ['a.png', 'photo'], ['a.webp', 'photo'], ['a.heic', 'photo'], ['a.HEIF', 'photo'],
    ['a.mp4', 'video'], ['a.MOV', 'video'], ['a.m4v', 'video'],
    ['a.gif', null], ['a.svg', null], ['a.html', null], ['jpg', null], ['.jpg', null], ['a.jpg.exe', null],
  ] as const)('%s → %s', (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });

  it('says what the bytes are without a name, or null', () => {
    expect(detectMedia(PNG)?.format).toBe('png');
    expect(detectMedia(ftyp('qt  '))?.format).toBe('mov');
    expect(detectMedia(text('<svg/>'))).toBeNull();
  });
});

describe('safeFilename', () => {
  it.each([
    ['../../etc/passwd.jpg', 'passwd.jpg'],
    ['..\\..\\Windows\\win.ini.jpg', 'win.ini.jpg'],
    ['C:\\Users\\张工\\Pictures\\现场照片 1.JPG', '现场照片 1.JPG'],
    ['/var/tmp/', 'file'],
    ['..', 'file'],
    ['', 'file'],
    ['   ', 'file'],
    ['a..jpg', 'a.jpg'],
    ['.hidden.jpg', 'hidden.jpg'],
    ['name.jpg.', 'name.jpg'],
    ['a\u0000b\r\n.jpg', 'ab.jpg'],
    ['invoice\u202Egpj.exe', 'invoicegpj.exe'], // right-to-left override shown as "invoiceexe.jpg"
    ['<img src=x onerror=alert(1)>.jpg', '_img src=x onerror=alert(1)_.jpg'],
    ['<script>x</script>.jpg', 'script_.jpg'], // "/" is a path separator
    ['a:b*c?.png', 'a_b_c_.png'],
    ['e\u0301.jpg', '\u00e9.jpg'], // NFC
  ])('%j → %j', (name, expected) => {
    expect(safeFilename(name)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name to 120 characters', () => {
    const name = `${'工地'.repeat(100)}.jpeg`;
    const safe = safeFilename(name);
    expect([...safe]).toHaveLength(120);
    expect(safe.endsWith('工地.jpeg') || safe.endsWith('工.jpeg')).toBe(true);
  });

  it('never splits a character outside the BMP', () => {
    const safe = safeFilename(`${'𠀀'.repeat(130)}.png`);
    expect([...safe]).toHaveLength(120);
    expect(safe).toBe(`${'𠀀'.repeat(116)}.png`);
  });
});
