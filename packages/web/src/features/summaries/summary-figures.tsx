import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { numberCell, yi } from '../../components/format';
import type { SummaryCategoryRow, SummaryFigure } from './api';

// The numbers behind the text: the statistics table by category (as the Word file prints it)
// and every figure the paragraphs state, with its label, so the office can check one against
// the other.

const money = (title: string, key: keyof SummaryCategoryRow): ColumnsType<SummaryCategoryRow>[number] => ({
  title, dataIndex: key, align: 'right', width: 130, render: (v: number) => <span style={numberCell}>{yi(v)}</span>,
});

const CATEGORY_COLUMNS: ColumnsType<SummaryCategoryRow> = [
  { title: '类别', dataIndex: 'label', render: (label: string, r) => (r.category === 'total' ? <b>{label}</b> : r.category === 'unknown' ? <Typography.Text type="warning">{label}</Typography.Text> : label) },
  { title: '项目个数', dataIndex: 'count', align: 'right', width: 90, render: (v: number) => <span style={numberCell}>{v}</span> },
  money('总投资（亿元）', 'totalInvestment'),
  money('年度计划投资（亿元）', 'plan'),
  money('已完成投资（亿元）', 'completed'),
];

export function CategoryTable({ rows }: { rows: SummaryCategoryRow[] }) {
  return (
    <Table
      data-testid="summary-category-table"
      size="small"
      rowKey="category"
      pagination={false}
      columns={CATEGORY_COLUMNS}
      dataSource={rows}
      scroll={{ x: 620 }}
      rowClassName={(r) => (r.category === 'total' ? 'summary-total-row' : '')}
    />
  );
}

/** Rows of one group are merged under its name: how many rows each group cell spans (0 = merged away). */
function groupSpans(figures: SummaryFigure[]): number[] {
  return figures.map((f, i) => {
    if (i > 0 && figures[i - 1]!.group === f.group) return 0;
    let n = 1;
    while (figures[i + n]?.group === f.group) n++;
    return n;
  });
}

export function FigureList({ figures }: { figures: SummaryFigure[] }) {
  const spans = groupSpans(figures);
  return (
    <Table
      data-testid="summary-figures"
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={figures}
      columns={[
        { title: '方面', dataIndex: 'group', width: 88, onCell: (_f, i) => ({ rowSpan: spans[i ?? 0] }) },
        { title: '数字', dataIndex: 'label' },
        {
          title: '数值', dataIndex: 'text', align: 'right', width: 110,
          render: (text: string, f) => <span style={numberCell} data-testid={`figure-${f.key}`}>{f.value == null ? <Typography.Text type="secondary">{text}</Typography.Text> : text}</span>,
        },
      ]}
    />
  );
}
