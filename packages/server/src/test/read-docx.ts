import { inflateText } from '../lib/documents/zip-inflate';
import { inspectZip } from '../lib/documents/zip-guard';

// Reads a .docx as Word would show it, for tests: the paragraphs' text in order and each table
// as rows of cell texts, from word/document.xml (read with the project's own zip reader).

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');

export async function readDocx(buf: Buffer) {
  const entries = inspectZip(buf);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) throw new Error('no word/document.xml');
  const xml = await inflateText(buf, doc, 20 * 1024 * 1024);
  const withoutTables = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...withoutTables.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0]))));
  return { xml, paragraphs, text: paragraphs.join('\n'), tables };
}
