import { cleanText, toHalfWidth } from './values';

// Phone numbers as written in ledgers ("158 9384 7894", "(0371)6123456-8", "+86 158…"), kept
// in one form: a mobile as its 11 digits, a landline as area code-number[-extension].

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0\d{2,3})-(\d{7,8})(?:-(\d{1,6}))?$/;

/** One phone number in its stored form, or null when it is not a mobile or a landline with area code. */
export function normalizePhone(text: string): string | null {
  let t = toHalfWidth(text).replace(/\s+/g, '').replace(/^\+?86(?=1[3-9]\d{9}$)/, '').replace(/^\+?86-/, '');
  t = t.replace(/^\((0\d{2,3})\)/, '$1-').replace(/(转|ext\.?|分机)/i, '-');
  if (MOBILE.test(t.replace(/-/g, ''))) return t.replace(/-/g, '');
  const m = LANDLINE.exec(t);
  if (m) return m[1] + '-' + m[2] + (m[3] ? '-' + m[3] : '');
  // Written without a hyphen: 010 and 02x are the three-digit area codes, all others have four.
  const bare = /^(0(?:10|2\d)|0\d{3})(\d{7,8})$/.exec(t);
  return bare ? `${bare[1]}-${bare[2]}` : null;
}

const PHONE_IN_TEXT = /(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d){8}(?!\d)|\(?0\d{2,3}\)?[-\s]?\d{7,8}(?:(?:-|转)\d{1,6})?(?!\d)/g;

/** The phone numbers inside a cell and what is left of it: "刘工 15893847894" → 刘工 + 15893847894. */
export function splitContact(text: string): { name: string; phones: string[]; rest: string[] } {
  const t = toHalfWidth(text);
  const phones: string[] = [];
  const rest: string[] = [];
  for (const m of t.matchAll(PHONE_IN_TEXT)) {
    const phone = normalizePhone(m[0]);
    if (phone) phones.push(phone);
    else rest.push(m[0]);
  }
  const name = cleanText(
    t.replace(PHONE_IN_TEXT, ' ').replace(/电话|手机|联系方式|tel/gi, ' ').replace(/[:()[\]]/g, ' '),
  ).replace(/^[,;/、\s]+|[,;/、\s]+$/g, '');
  return { name, phones, rest };
}

/** A phone cell: its numbers (separated by 、/，；) in stored form, and the pieces that are not numbers. */
export function readPhones(text: string): { phones: string[]; invalid: string[] } {
  const phones: string[] = [];
  const invalid: string[] = [];
  for (const piece of toHalfWidth(text).split(/[,;/、]+|\s{2,}/)) {
    const p = piece.trim();
    if (!p) continue;
    const phone = normalizePhone(p);
    if (phone) phones.push(phone);
    else invalid.push(p);
  }
  return { phones, invalid };
}
