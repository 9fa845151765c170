import { Button, Form, Input, InputNumber, Select, Table, Tooltip, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { FORMULA_LABEL, formulaSchema, formulaText, METRIC_FORMULAS, METRIC_HINT, METRIC_LABEL, METRICS } from '@tuijin/core';
import { FormulaFields } from './formula-fields';
import { newItem, valuesToFormula, type ItemValues, type SchemeFormValues } from './scheme-form';

// The items of a scheme as an editable table: name, the metric it reads (with what that metric
// measures), its full marks, the formula (only those the metric allows) and the formula's
// parameters; rows move up and down and are added and removed. Below, the weights' running
// total, which must come to 100 (a bonus item's weight is 0: its points come on top).

const ITEMS = ['document', 'items'] as const;
const compact = { marginBottom: 0 } as const;

/** The formula in the words an explanation will print, once its parameters are complete. */
function FormulaPreview({ item }: { item: ItemValues | undefined }) {
  if (!item) return null;
  const parsed = formulaSchema.safeParse(valuesToFormula(item.formula));
  if (!parsed.success) return null;
  return <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>{formulaText(parsed.data, item.weight ?? 0)}</Typography.Text>;
}

export function weightTotal(items: readonly ItemValues[] | undefined): number {
  return Math.round((items ?? []).reduce((n, i) => n + (Number(i?.weight) || 0), 0) * 100) / 100;
}

export function SchemeItemsEditor({ form }: { form: FormInstance<SchemeFormValues> }) {
  const items = Form.useWatch([...ITEMS], form) as ItemValues[] | undefined;
  const total = weightTotal(items);
  const isFull = Math.abs(total - 100) < 1e-9;
  return (
    <Form.List name={[...ITEMS]}>
      {(fields, { add, remove, move }) => (
        <>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={fields}
            data-testid="scheme-items"
            scroll={{ x: 1100 }}
            columns={[
              {
                title: '序号', key: 'order', width: 84, align: 'center',
                render: (_v, f, n) => (
                  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
                    <span className="num" style={{ minWidth: 18 }}>{n + 1}</span>
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={n === 0} onClick={() => move(n, n - 1)} aria-label="上移" />
                    <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={n === fields.length - 1} onClick={() => move(n, n + 1)} aria-label="下移" />
                  </span>
                ),
              },
              {
                title: '考核项名称', key: 'label', width: 170,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'label']} style={compact} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                    <Input maxLength={40} data-testid="item-label" />
                  </Form.Item>
                ),
              },
              {
                title: '考核指标', key: 'metric', width: 230,
                render: (_v, f) => {
                  const metric = items?.[f.name]?.metric;
                  return (
                    <>
                      <Form.Item name={[f.name, 'metric']} style={compact}>
                        <Select options={METRICS.map((m) => ({ value: m, label: METRIC_LABEL[m] }))} popupMatchSelectWidth={false} data-testid="item-metric" />
                      </Form.Item>
                      {metric && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }} data-testid="item-metric-hint">{METRIC_HINT[metric]}</Typography.Text>}
                    </>
                  );
                },
              },
              {
                title: <Tooltip title="该项满分；各项合计100分。加分项分值为0，加分另计。">分值 <QuestionCircleOutlined /></Tooltip>, key: 'weight', width: 90,
                render: (_v, f) => (
                  <Form.Item name={[f.name, 'weight']} style={compact} rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} disabled={items?.[f.name]?.formula.kind === 'bonus'} data-testid="item-weight" />
                  </Form.Item>
                ),
              },
              {
                title: '计分方式', key: 'kind', width: 120,
                render: (_v, f) => {
                  const metric = items?.[f.name]?.metric;
                  return (
                    <Form.Item name={[f.name, 'formula', 'kind']} style={compact}>
                      <Select options={(metric ? METRIC_FORMULAS[metric] : []).map((k) => ({ value: k, label: FORMULA_LABEL[k] }))} data-testid="item-formula" />
                    </Form.Item>
                  );
                },
              },
              {
                title: '计分参数', key: 'params', width: 330,
                render: (_v, f) => {
                  const kind = items?.[f.name]?.formula.kind;
                  return kind ? <><FormulaFields index={f.name} kind={kind} /><FormulaPreview item={items?.[f.name]} /></> : null;
                },
              },
              {
                title: '', key: 'remove', width: 48, align: 'center',
                render: (_v, _f, n) => <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(n)} aria-label="删除此项" data-testid="item-remove" />,
              },
            ]}
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newItem(form.getFieldValue([...ITEMS]) ?? []))} disabled={fields.length >= 30} data-testid="item-add">添加考核项</Button>
            <span data-testid="weight-total" style={{ fontWeight: 600, color: isFull ? '#389e0d' : '#cf1322' }}>
              分值合计 <span className="num">{total}</span> 分{isFull ? '' : `（应为100分，${total > 100 ? '多' : '差'} ${Math.round(Math.abs(100 - total) * 100) / 100} 分）`}
            </span>
          </div>
        </>
      )}
    </Form.List>
  );
}
