import { Descriptions, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { numberCell, yi } from '../../components/format';
import type { SummaryCategoryRow, SummaryFigure } from './api';

// The numbers behind the text: the statistics table by category (as the Word file prints it)
// and every figure the paragraphs state, with its label, so the office can check one against
// the other.

const money = (title: string, key: keyof SummaryCategoryRow): ColumnsType<SummaryCategoryRow>[number] => ({
  title, dataIndex: key, align: 'right', width: 82, render: (v: number) => <span style={numberCell}>{yi(v)}</span>,
});

const CATEGORY_COLUMNS: ColumnsType<SummaryCategoryRow> = [
  {
    title: '类别', dataIndex: 'label',
    render: (label: string, r) => (r.category === 'total' ? <b>{label}</b> : r.category === 'unknown' ? <Typography.Text type="warning">{label}</Typography.Text> : label),
  },
  { title: '个数', dataIndex: 'count', align: 'right', width: 56, render: (v: number) => <span style={numberCell}>{v}</span> },
  money('总投资', 'totalInvestment'),
  money('年度计划', 'plan'),
  money('已完成', 'completed'),
];

/** The table by category, amounts in 亿元 as the Word file prints them. */
export function CategoryTable({ rows }: { rows: SummaryCategoryRow[] }) {
  return (
    <Table
      data-testid="summary-category-table"
      size="small"
      rowKey="category"
      pagination={false}
      columns={CATEGORY_COLUMNS}
      dataSource={rows}
      scroll={{ x: 380 }}
      onRow={(r) => (r.category === 'total' ? { style: { fontWeight: 600 } } : {})}
    />
  );
}

/** Every figure of the text, grouped as the paragraphs are (数量, 规模, 层次, 进展, 重点项目, 位次). */
export function FigureList({ figures }: { figures: SummaryFigure[] }) {
  const groups = [...new Set(figures.map((f) => f.group))];
  return (
    <div data-testid="summary-figures" style={{ display: 'grid', gap: 12 }}>
      {groups.map((group) => (
        <Descriptions
          key={group}
          size="small"
          bordered
          title={<span style={{ fontSize: 14 }}>{group}</span>}
          column={{ xs: 1, md: 2, xl: 3 }}
          labelStyle={{ width: 200 }}
          contentStyle={{ width: 200 }}
          items={figures.filter((f) => f.group === group).map((f) => ({
            key: f.key,
            label: f.label,
            children: <span style={numberCell} data-testid={`figure-${f.key}`}>{f.value == null ? <Typography.Text type="secondary">{f.text}</Typography.Text> : f.text}</span>,
          }))}
        />
      ))}
    </div>
  );
}
