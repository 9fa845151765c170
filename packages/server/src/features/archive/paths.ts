// Names inside the archive come from what people typed (project names, captions, file names),
// so each is made safe to extract on Windows, macOS and Linux alike: no separators, no '..',
// none of the characters Windows forbids, nothing a browser's file:// link would misread
// ('#', '?', '%'), no reserved device names, at most 80 characters.

const MAX_SEGMENT = 80;
const UNSAFE = /[\\/:*?"<>|#%\p{Cc}\p{Cf}]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** One path segment made from free text; `fallback` when nothing usable is left. */
export function safeSegment(text: string | null | undefined, max = MAX_SEGMENT, fallback = '未命名'): string {
  let s = (text ?? '').normalize('NFC').replace(/\s+/gu, ' ').replace(UNSAFE, '_').trim();
  // '..' means "up" to an extractor; a leading dot hides the file; Windows drops trailing dots and spaces.
  s = s.replace(/\.{2,}/g, '.').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  const chars = Array.from(s);
  // Cut by code points, so a character outside the BMP is never split in half.
  const cut = chars.length > max ? chars.slice(0, max).join('').replace(/[.\s]+$/, '') : s;
  return cut || fallback;
}

/** A numbered segment ('007-城南污水处理厂'), the whole of it within the limit. */
export function numberedSegment(n: number, width: number, text: string | null | undefined, max = MAX_SEGMENT): string {
  const prefix = `${String(n).padStart(width, '0')}-`;
  return prefix + safeSegment(text, max - prefix.length);
}

/** The extension a stored file keeps in the archive, from its name or else its format. */
export function extensionFor(filename: string, format: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  const ext = (m?.[1] ?? format).toLowerCase().replace(/[^a-z0-9]/g, '');
  return ext || 'bin';
}

/** A relative link to an archive path, each segment percent-encoded for file:// browsing. */
export function hrefOf(path: string): string {
  return path.split('/').map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}
