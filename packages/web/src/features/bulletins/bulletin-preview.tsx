import { photoPeriodsText, type BulletinPhoto, type BulletinSection, type BulletinTable } from '@tuijin/core';
import { dateLabel, periodLabel } from '../periods/period-format';
import { paragraphsOf } from './bulletin-text';
import './bulletin-preview.css';

// The bulletin as the leaders receive it: an A4 official document on screen, laid out as
// GB/T 9704 (党政机关公文格式) asks and as the .docx prints it — the red 发文机关标志, the 文号
// centred under it, the red rule, the title in 小标宋, 一、 headings in 黑体, the body in 仿宋
// 三号 with a two-character indent, the 发文机关 and date at the bottom right. The page is drawn
// at 1 pt = 1 px (A4 = 595 × 842), so every size below is the printed size in points.

export const PAGE_WIDTH = 595;
/**
 * On a phone the margins shrink to a sliver: the type area stays as wide (lines and tables break
 * as printed) while the page, scaled to the screen, reads about a quarter larger.
 */
export const COMPACT_WIDTH = 486;

export interface BulletinDocument {
  title: string;
  docNo: string;
  issuer: string;
  issuedOn: string;
  sections: BulletinSection[];
  photos: BulletinPhoto[];
}

/** The 发文机关标志 prints in 一号 (26 pt) as the .docx has it; a long name shrinks to stay on one line. */
function issuerMarkSize(issuer: string): number {
  const chars = Math.max(1, [...issuer].length);
  return Math.max(16, Math.min(26, Math.floor(440 / chars)));
}

/** Counting columns (序号, 名次, 位次) are centred, as the office's tables print them. */
const COUNTING = new Set(['序号', '名次', '位次']);

/** A unit in brackets goes to its own line in a narrow header: 「年度计划」「（万元）」. */
const headerText = (column: string) => column.replace(/(.)（/, '$1\n（');

/** A short run of Latin characters (a date, a code, a score) is never broken across lines. */
const isUnbreakable = (cell: string) => /^[\x21-\x7e]{1,12}$/.test(cell);

function cellClass(table: BulletinTable, col: number, cell?: string): string | undefined {
  if (COUNTING.has(table.columns[col] ?? '')) return 'bl-num bl-center';
  if (table.numeric[col]) return 'bl-num';
  return cell != null && isUnbreakable(cell) ? 'bl-nowrap' : undefined;
}

function Table({ table, testId }: { table: BulletinTable; testId: string }) {
  return (
    <figure className="bl-table" data-testid={testId}>
      {table.title && <figcaption>{table.title}</figcaption>}
      <table>
        <thead>
          <tr>{table.columns.map((c, i) => <th key={i} className={cellClass(table, i)}>{headerText(c)}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => <td key={i} className={cellClass(table, i, cell)}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Photos({ photos }: { photos: BulletinPhoto[] }) {
  if (!photos.length) return null;
  return (
    <div className="bl-photos" data-testid="bulletin-preview-photos">
      {photos.map((p) => (
        <figure key={`${p.before.mediaId}-${p.after.mediaId}`} className="bl-photo" data-testid="bulletin-preview-photo">
          <div className="bl-photo-pair">
            <img src={`/api/v1/media/${p.before.mediaId}/display`} alt={`${p.projectName} ${periodLabel(p.before.period)}`} />
            <img src={`/api/v1/media/${p.after.mediaId}/display`} alt={`${p.projectName} ${periodLabel(p.after.period)}`} />
          </div>
          <figcaption>{p.caption}</figcaption>
          <div className="bl-photo-months">{photoPeriodsText(p)}</div>
        </figure>
      ))}
    </div>
  );
}

function Section({ section, photos }: { section: BulletinSection; photos: BulletinPhoto[] | null }) {
  return (
    <section className="bl-section" data-section={section.key} data-testid={`bulletin-preview-${section.key}`}>
      <h2 className="bl-heading">{section.heading}</h2>
      {paragraphsOf(section.text).map((p, i) => <p key={i} className="bl-body">{p}</p>)}
      {section.tables.map((t, i) => <Table key={i} table={t} testId={`bulletin-preview-table-${section.key}`} />)}
      {photos && <Photos photos={photos} />}
    </section>
  );
}

export function BulletinPreview({ doc, isDraft, isCompact = false }: { doc: BulletinDocument; isDraft: boolean; isCompact?: boolean }) {
  // The comparisons print in their own section when the bulletin has one, else after the last.
  const hasPhotoSection = doc.sections.some((s) => s.key === 'photos');
  const last = doc.sections[doc.sections.length - 1]?.key;
  return (
    <article className={`bl-page${isCompact ? ' bl-page-compact' : ''}`} lang="zh-CN" data-testid="bulletin-preview">
      {/* A draft's Word file is marked 征求意见稿 at the top left; so is its preview. */}
      {isDraft && <div className="bl-draft-mark" data-testid="bulletin-preview-draft-mark">征求意见稿</div>}
      <header className="bl-masthead">
        <div className="bl-issuer-mark" style={{ fontSize: issuerMarkSize(doc.issuer) }} data-testid="bulletin-preview-issuer">{doc.issuer}</div>
        <div className="bl-docno" data-testid="bulletin-preview-docno">
          {doc.docNo || (isDraft ? <span className="bl-placeholder">{'〔\u3000\u3000〕\u3000号（文号未填）'}</span> : ' ')}
        </div>
        <div className="bl-rule" />
      </header>
      <h1 className="bl-title" data-testid="bulletin-preview-title">{doc.title}</h1>
      {doc.sections.map((s) => (
        <Section key={s.key} section={s} photos={s.key === 'photos' || (!hasPhotoSection && s.key === last) ? doc.photos : null} />
      ))}
      <footer className="bl-signature" data-testid="bulletin-preview-signature">
        <div>{doc.issuer}</div>
        <div>{dateLabel(doc.issuedOn)}</div>
      </footer>
    </article>
  );
}
