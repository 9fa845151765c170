import { Table, Typography } from 'antd';
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { formatAmount, IMPORT_FIELD_LABELS, type SumCheck } from '@tuijin/core';

/** The sheet's own 小计/合计 rows against the sum of the rows they cover (amounts in yuan, shown in 万元). */
export function SumChecks({ checks }: { checks: SumCheck[] }) {
  if (!checks.length) return null;
  const failed = checks.filter((c) => !c.matches).length;
  return (
    <div style={{ marginTop: 12 }} data-testid="import-checks">
      <Typography.Text strong>小计、合计核对</Typography.Text>
      <Typography.Text type={failed ? 'warning' : 'success'} style={{ marginInlineStart: 8 }}>
        {failed ? `${failed} 项与明细之和不一致` : `${checks.length} 项均与明细之和一致`}
      </Typography.Text>
      <Table<SumCheck>
        size="small"
        bordered
        pagination={false}
        style={{ marginTop: 6 }}
        rowKey={(c) => `${c.row}:${c.field}`}
        dataSource={checks}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '行', dataIndex: 'row', width: 60, render: (v: number) => <span className="num">{v}</span> },
          { title: '行名', dataIndex: 'label' },
          { title: '指标', dataIndex: 'field', render: (v: SumCheck['field']) => IMPORT_FIELD_LABELS[v] ?? v },
          { title: '表中数（万元）', dataIndex: 'sheetValue', align: 'right', render: (v: number) => <span className="num">{formatAmount(v, 'wan')}</span> },
          { title: '明细合计（万元）', dataIndex: 'computed', align: 'right', render: (v: number) => <span className="num">{formatAmount(v, 'wan')}</span> },
          {
            title: '核对', key: 'matches', width: 170,
            render: (_v, c) => c.matches
              ? <Typography.Text type="success"><CheckCircleFilled /> 一致</Typography.Text>
              : <Typography.Text type="danger"><WarningFilled /> 相差 <span className="num">{formatAmount(c.sheetValue - c.computed, 'wan')}</span> 万元</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
