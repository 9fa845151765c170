import { Alert, Tag } from 'antd';
import { booksAheadSummary, isBooksAhead, type ComparisonRow } from '@tuijin/core';

// 账面地面对照: each field with the books on the left and the site on the right; a row that
// differs is red, and one where the books claim more than the site shows says 账面超前.

function RowMark({ row }: { row: ComparisonRow }) {
  if (row.direction === 'books_ahead') return <Tag color="error" style={{ marginInlineEnd: 0 }}>账面超前</Tag>;
  if (row.direction === 'site_ahead') return <Tag color="warning" style={{ marginInlineEnd: 0 }}>现场超前</Tag>;
  if (row.differs) return <Tag color="error" style={{ marginInlineEnd: 0 }}>不一致</Tag>;
  if (row.compared === false) return <Tag style={{ marginInlineEnd: 0 }}>未核对</Tag>;
  return <Tag color="success" bordered={false} style={{ marginInlineEnd: 0 }}>一致</Tag>;
}

export function ComparisonTable({ rows }: { rows: ComparisonRow[] }) {
  return (
    <div className="cmp-table" data-testid="comparison">
      <div className="cmp-head"><span>对照项目</span><span>账面（月报/台账）</span><span>地面（现场）</span></div>
      {rows.map((r) => (
        <div key={`${r.field}-${r.key ?? ''}`} className={`cmp-row${r.differs ? ' cmp-differs' : ''}${r.direction === 'books_ahead' ? ' cmp-ahead' : ''}`} data-testid="comparison-row" data-differs={r.differs} data-direction={r.direction ?? ''}>
          <div className="cmp-label"><span>{r.label}</span><RowMark row={r} /></div>
          <div className="cmp-cell"><span className="cmp-side">账面</span>{r.reported}</div>
          <div className="cmp-cell cmp-site"><span className="cmp-side">现场</span>{r.observed}</div>
          {(r.differs || r.note) && <div className="cmp-note">{r.note}</div>}
        </div>
      ))}
    </div>
  );
}

/** The verdict over all rows: 账面超前 (red), or the books and the site agree. */
export function BooksAheadBanner({ rows }: { rows: ComparisonRow[] }) {
  if (isBooksAhead(rows)) {
    return <Alert type="error" showIcon message="账面超前：月报或台账所报进度超过现场实际" description={booksAheadSummary(rows)?.replace(/^账面超前：/, '')} data-testid="books-ahead" style={{ marginBottom: 12 }} />;
  }
  const differs = rows.filter((r) => r.differs).length;
  if (differs) return <Alert type="warning" showIcon message={`有 ${differs} 项与账面不一致，但账面未超前于现场`} data-testid="books-differ" style={{ marginBottom: 12 }} />;
  const open = rows.filter((r) => r.compared === false).length;
  return open
    ? <Alert type="info" showIcon message={`尚未发现账面与现场不一致（${open} 项未核对）`} data-testid="books-open" style={{ marginBottom: 12 }} />
    : <Alert type="success" showIcon message="账面与现场相符" data-testid="books-match" style={{ marginBottom: 12 }} />;
}
