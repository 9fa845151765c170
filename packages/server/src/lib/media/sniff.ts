import { emptyFile, extensionNotAllowed, hostileFile, kindMismatch, unsupportedFormat } from './media-errors';

// What an upload really is (SECURITY.md row 12): the name's extension must be on the allow-list
// AND the first bytes must be a photo or video we take. The bytes decide the format, the name
// only the kind: WeChat saves PNG screenshots as .jpg, so a photo name holding any photo format
// is fine, but a photo name holding a video (or the reverse) is refused, as is anything that
// can carry script or code (HTML, SVG, PDF, executables, archives), whatever it is called.

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'heic';
export type VideoFormat = 'mp4' | 'mov';
export type Sniffed =
  | { kind: 'photo'; format: PhotoFormat; mime: string; ext: string }
  | { kind: 'video'; format: VideoFormat; mime: string; ext: string };

/** How much of the file sniffMedia wants to see. */
export const SNIFF_BYTES = 64 * 1024;

const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.heic', '.heif'];
const VIDEO_EXTENSIONS = ['.mp4', '.mov', '.m4v'];

// HEIF brands. AVIF (AV1 in the same container) counts as the HEIC family: phones rarely write
// it, but when one arrives under a .heic/.jpg name it is a photo, and sharp decodes AV1 itself
// (image.ts sends only HEVC to libheif-js). `.avif` names stay off the allow-list.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2', 'miaf']);
// Brands phones and cameras write on MP4 (incl. 3GPP from older Android phones) and QuickTime.
const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'mp71', 'avc1', 'hvc1',
  'M4V ', 'M4VH', 'M4VP', 'mmp4', 'MSNV', 'XAVC', 'f4v ', 'dash', '3gp4', '3gp5', '3gp6', '3gp7', '3gp8', '3gp9', '3g2a', '3g2b', '3g2c',
]);
const QT_BRAND = 'qt  ';
// Top-level atoms an old QuickTime file may start with when it has no ftyp at all.
const QT_FIRST_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

type Found =
  | { kind: 'photo' | 'video'; sniffed: Sniffed; label: string }
  | { kind: 'hostile'; looksLike: string }
  | { kind: 'other'; looksLike: string | null };

const photo = (format: PhotoFormat, mime: string, ext: string, label: string): Found => ({ kind: 'photo', sniffed: { kind: 'photo', format, mime, ext }, label });
const video = (format: VideoFormat, label: string): Found => ({
  kind: 'video',
  sniffed: format === 'mov' ? { kind: 'video', format, mime: 'video/quicktime', ext: '.mov' } : { kind: 'video', format, mime: 'video/mp4', ext: '.mp4' },
  label,
});

export function sniffMedia(head: Buffer, filename: string): Sniffed {
  const name = safeFilename(filename);
  if (head.length === 0) throw emptyFile(name);
  const found = identify(head);
  if (found.kind === 'hostile') throw hostileFile(name, found.looksLike);
  if (found.kind === 'other') throw unsupportedFormat(name, found.looksLike);
  const named = kindOfName(name);
  if (!named) throw extensionNotAllowed(name);
  if (named !== found.kind) throw kindMismatch(name, named, found.label);
  return found.sniffed;
}

/** What the bytes alone say (no name involved), or null when they are nothing we take. */
export function detectMedia(head: Buffer): Sniffed | null {
  const found = identify(head);
  return found.kind === 'photo' || found.kind === 'video' ? found.sniffed : null;
}

function identify(b: Buffer): Found {
  const ascii = (start: number, end: number) => b.toString('latin1', start, Math.min(end, b.length));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return photo('jpeg', 'image/jpeg', '.jpg', 'JPEG 图片');
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) return photo('png', 'image/png', '.png', 'PNG 图片');
  if (ascii(0, 4) === 'RIFF') {
    const form = ascii(8, 12);
    if (form === 'WEBP') return photo('webp', 'image/webp', '.webp', 'WebP 图片');
    return { kind: 'other', looksLike: form === 'AVI ' ? 'AVI 视频' : form === 'WAVE' ? 'WAV 音频' : null };
  }
  if (ascii(4, 8) === 'ftyp') return identifyIsoMedia(b);
  if (b.length >= 8 && QT_FIRST_ATOMS.has(ascii(4, 8)) && b.readUInt32BE(0) >= 8) return video('mov', 'QuickTime 视频');
  return identifyOther(b);
}

function identifyIsoMedia(b: Buffer): Found {
  const size = Math.min(b.length, b.readUInt32BE(0));
  if (size < 16) return { kind: 'other', looksLike: null };
  const major = b.toString('latin1', 8, 12);
  const brands = [major];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(b.toString('latin1', at, at + 4));
  for (const brand of [major, ...brands]) {
    if (HEIC_BRANDS.has(brand)) return photo('heic', 'image/heic', '.heic', 'HEIC 照片');
    if (AVIF_BRANDS.has(brand)) return photo('heic', 'image/avif', '.avif', 'AVIF 照片');
    if (HEIF_BRANDS.has(brand)) return photo('heic', 'image/heif', '.heif', 'HEIF 照片');
    if (brand === QT_BRAND) return video('mov', 'QuickTime（MOV）视频');
    if (MP4_BRANDS.has(brand)) return video('mp4', 'MP4 视频');
    if (brand.startsWith('M4A') || brand.startsWith('M4B')) return { kind: 'other', looksLike: 'M4A 音频' };
    if (brand === 'crx ') return { kind: 'other', looksLike: '佳能 RAW 原始文件' };
  }
  return { kind: 'other', looksLike: null };
}

// Magic numbers of what people upload by mistake or on purpose. Hostile: may carry script or
// code, or hides other files (archives); other: harmless but not taken.
const MAGIC: { bytes: number[]; hostile: boolean; looksLike: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], hostile: true, looksLike: 'PDF 文档' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], hostile: true, looksLike: 'ZIP 压缩包或 Office 文档' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], hostile: true, looksLike: 'ZIP 压缩包' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], hostile: true, looksLike: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], hostile: true, looksLike: '7z 压缩包' },
  { bytes: [0x1f, 0x8b], hostile: true, looksLike: 'gzip 压缩包' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], hostile: true, looksLike: 'xz 压缩包' },
  { bytes: [0x42, 0x5a, 0x68], hostile: true, looksLike: 'bzip2 压缩包' },
  { bytes: [0x4d, 0x5a], hostile: true, looksLike: 'Windows 可执行程序' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], hostile: true, looksLike: 'Linux 可执行程序（ELF）' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], hostile: true, looksLike: 'macOS 可执行程序' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], hostile: true, looksLike: 'macOS 可执行程序' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], hostile: true, looksLike: '可执行程序或 Java 类文件' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], hostile: true, looksLike: '旧版 Office 文档' },
  { bytes: [0x23, 0x21], hostile: true, looksLike: '脚本文件' },
  { bytes: [0x46, 0x57, 0x53], hostile: true, looksLike: 'Flash 文件' },
  { bytes: [0x43, 0x57, 0x53], hostile: true, looksLike: 'Flash 文件' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], hostile: true, looksLike: 'RTF 文档' },
  { bytes: [0x47, 0x49, 0x46, 0x38], hostile: false, looksLike: 'GIF 动图' },
  { bytes: [0x42, 0x4d], hostile: false, looksLike: 'BMP 位图' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], hostile: false, looksLike: 'TIFF 图像或相机 RAW 文件' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], hostile: false, looksLike: 'TIFF 图像或相机 RAW 文件' },
  { bytes: [0x38, 0x42, 0x50, 0x53], hostile: false, looksLike: 'Photoshop 文件' },
  { bytes: [0xff, 0x0a], hostile: false, looksLike: 'JPEG XL 图片' },
  { bytes: [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20], hostile: false, looksLike: 'JPEG XL 图片' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], hostile: false, looksLike: 'MKV/WebM 视频' },
  { bytes: [0x46, 0x4c, 0x56, 0x01], hostile: false, looksLike: 'FLV 视频' },
  { bytes: [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11], hostile: false, looksLike: 'WMV 视频' },
  { bytes: [0x00, 0x00, 0x01, 0xba], hostile: false, looksLike: 'MPEG 视频' },
];

function identifyOther(b: Buffer): Found {
  for (const m of MAGIC) {
    if (m.bytes.every((byte, i) => b[i] === byte)) return m.hostile ? { kind: 'hostile', looksLike: m.looksLike } : { kind: 'other', looksLike: m.looksLike };
  }
  if (b.length >= 189 && b[0] === 0x47 && b[188] === 0x47) return { kind: 'other', looksLike: 'MPEG-TS 视频' };
  const text = markupOf(b);
  if (text !== null) {
    if (text.startsWith('<?php')) return { kind: 'hostile', looksLike: 'PHP 脚本' };
    if (/<svg[\s>/]|^<!doctype svg/.test(text)) return { kind: 'hostile', looksLike: '网页/SVG 矢量图' };
    if (/^<(!doctype html|html|head|body|script|iframe|meta|title|style|div|a\s|img|object|embed|!--)/.test(text) || /<script|<html|<iframe|javascript:/.test(text)) {
      return { kind: 'hostile', looksLike: '网页（HTML）' };
    }
    if (text.startsWith('<?xml')) return { kind: 'hostile', looksLike: 'XML 文档' };
    return { kind: 'other', looksLike: '文本文件' };
  }
  return { kind: 'other', looksLike: null };
}

/** The first KB as lowercase text without BOM and leading whitespace, or null if it is binary. */
function markupOf(b: Buffer): string | null {
  let text: string;
  if (b[0] === 0xff && b[1] === 0xfe) text = b.toString('utf16le', 2, 2048);
  else if (b[0] === 0xfe && b[1] === 0xff) text = Buffer.from(b.subarray(2, 2048)).swap16().toString('utf16le');
  else text = b.toString('utf8', b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0, 1024);
  // Binary data decodes to control characters and replacement characters; text has (almost) none.
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const odd = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (odd > text.length / 50) return null;
  return text.replace(/^[\s\ufeff]+/, '').toLowerCase();
}

/** What the name's extension allows (the allow-list of SECURITY.md row 12), before any byte has arrived. */
export function kindOfName(filename: string): 'photo' | 'video' | null {
  const name = safeFilename(filename);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return PHOTO_EXTENSIONS.includes(ext) ? 'photo' : VIDEO_EXTENSIONS.includes(ext) ? 'video' : null;
}

const MAX_NAME = 120;

/**
 * A filename fit to show and to offer in a download: no path (either separator), no control or
 * direction-override characters (they disguise "gpj.exe" as "exe.jpg"), no "..", no characters
 * Windows forbids; at most 120 characters with the extension kept; never empty. Display only:
 * storage keys are generated, never derived from it.
 */
export function safeFilename(name: string): string {
  let s = String(name).normalize('NFC');
  s = s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
  s = s.replace(/[<>:"|?*]/g, '_').replace(/\.{2,}/g, '.').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  const chars = [...s];
  if (chars.length > MAX_NAME) {
    const ext = /\.[^.\s]{1,16}$/.exec(s)?.[0] ?? '';
    s = chars.slice(0, MAX_NAME - ext.length).join('').trimEnd() + ext;
  }
  return s || 'file';
}
