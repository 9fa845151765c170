import { unreadableLayout } from './reader-errors';

// The workbook part and its relationships, read just enough to find each sheet's XML, and the
// small replacements written for exceljs. Replacing them (rather than handing exceljs the
// originals) is what keeps exceljs from a few costly habits on hostile or merely large files:
// it expands every defined name over its whole range (a name over $A:$Z is 27 million objects),
// indexes sheets by their sheetId in an array (sheetId="1000000000" takes minutes), and only
// finds sheets and shared strings stored under the exact names Excel happens to use.

export interface SheetRef {
  name: string;
  /** The sheet's part, resolved against the package ("xl/worksheets/sheet1.xml"). */
  path: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  /** Parts found through the relationships, when the workbook has them. */
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

const WORKBOOK_DIR = 'xl/';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function readWorkbookInfo(workbookXml: string, relsXml: string): WorkbookInfo {
  const rels = new Map<string, { type: string; path: string | null }>();
  for (const m of relsXml.matchAll(/<Relationship\s([^>]*)>/g)) {
    const a = attributes(m[1]!);
    const id = a.get('Id');
    if (id === undefined || a.get('TargetMode') === 'External') continue;
    rels.set(id, { type: a.get('Type') ?? '', path: resolveTarget(a.get('Target') ?? '') });
  }
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path ?? null;

  const sheetTags = [...workbookXml.matchAll(/<sheet\s([^>]*)>/g)];
  if (sheetTags.length === 0 && /<[\w.-]+:sheet\s/.test(workbookXml)) throw unreadableLayout('prefixed_xml');
  const sheets: SheetRef[] = [];
  for (const m of sheetTags) {
    const a = attributes(m[1]!);
    const rel = rels.get(a.get('r:id') ?? '');
    // Chart sheets and dialog sheets hold no cells; exceljs skips them too.
    if (!rel?.path || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name: a.get('name') ?? '', path: rel.path });
  }

  const pr = /<workbookPr\s([^>]*)>/.exec(workbookXml);
  const date1904 = pr ? ['1', 'true'].includes(attributes(pr[1]!).get('date1904') ?? '') : false;
  return { sheets, date1904, sharedStringsPath: byType('/sharedStrings'), stylesPath: byType('/styles') };
}

/** A relationship target from xl/workbook.xml → the part's path in the package, or null if it leaves it. */
export function resolveTarget(target: string): string | null {
  const trimmed = target.trim();
  const absolute = trimmed.startsWith('/');
  const parts = (absolute ? '' : WORKBOOK_DIR) + (absolute ? trimmed.slice(1) : trimmed);
  const out: string[] = [];
  for (const segment of parts.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.length ? out.join('/') : null;
}

/**
 * The workbook part handed to exceljs: sheets numbered 1..n and nothing else it could expand.
 * Their names are placeholders (the real ones are kept apart): exceljs refuses some names Excel
 * files can carry ("History", duplicates) and warns on the console about long ones.
 */
export function canonicalWorkbookXml(sheetCount: number, date1904: boolean): string {
  const list = Array.from({ length: sheetCount }, (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${list}</sheets></workbook>`
  );
}

export function canonicalWorkbookRels(sheetCount: number): string {
  const rels: string[] = [];
  for (let i = 1; i <= sheetCount; i++) {
    rels.push(`<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PACKAGE_REL}">${rels.join('')}</Relationships>`;
}

/** An element's attributes. A Map, so that an attribute called "__proto__" is just a name. */
function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

const NAMED_ENTITIES = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(body) ?? whole;
  });
}
