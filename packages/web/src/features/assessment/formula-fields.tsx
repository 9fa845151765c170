import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormulaKind } from '@tuijin/core';

// The parameters of an item's formula, inside the items list (`index` is the item's row): the
// ratio's full-marks percent, the bands, the deduction per event and its cap, the bonus per
// event and its cap. Each sits on its own form path so a message about it shows beside it.

const compact = { marginBottom: 0 } as const;
// On the small inputs' line (24 px), above where a field's message appears.
const unit = (text: string) => <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', lineHeight: '24px' }}>{text}</Typography.Text>;

function Bands({ index }: { index: number }) {
  return (
    <Form.List name={[index, 'formula', 'bands']}>
      {(rows, { add, remove }) => (
        <div style={{ display: 'grid', gap: 4 }} data-testid="formula-bands">
          {rows.map((row, n) => (
            <Space key={row.key} size={4} align="start" wrap={false}>
              {unit('达')}
              <Form.Item name={[row.name, 'atLeast']} style={compact} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={500} size="small" style={{ width: 64 }} data-testid="band-at-least" />
              </Form.Item>
              {unit('% 得')}
              <Form.Item name={[row.name, 'share']} style={compact} rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={0} max={100} size="small" style={{ width: 64 }} data-testid="band-share" />
              </Form.Item>
              {unit('% 分值')}
              {rows.length > 1 && <Button size="small" type="text" icon={<MinusCircleOutlined />} onClick={() => remove(n)} aria-label="删除此档" />}
            </Space>
          ))}
          {rows.length < 10 && (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ atLeast: null, share: null })} style={{ width: 'fit-content' }}>加一档</Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

export function FormulaFields({ index, kind }: { index: number; kind: FormulaKind }) {
  switch (kind) {
    case 'ratio':
      return (
        <Space size={4} align="start">
          {unit('达到')}
          <Form.Item name={[index, 'formula', 'full']} style={compact} rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={500} size="small" style={{ width: 72 }} data-testid="formula-full" />
          </Form.Item>
          {unit('% 得满分，以下按比例')}
        </Space>
      );
    case 'bands':
      return <Bands index={index} />;
    case 'deduction':
      return (
        <Space size={4} align="start" wrap>
          {unit('每次扣')}
          <Form.Item name={[index, 'formula', 'per']} style={compact} rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} size="small" style={{ width: 64 }} data-testid="formula-per" />
          </Form.Item>
          {unit('分，最多扣')}
          <Form.Item name={[index, 'formula', 'max']} style={compact}>
            <InputNumber min={0} max={100} size="small" style={{ width: 84 }} placeholder="扣完为止" data-testid="formula-max" />
          </Form.Item>
          {unit('分')}
        </Space>
      );
    case 'bonus':
      return (
        <Space size={4} align="start" wrap>
          {unit('每次加')}
          <Form.Item name={[index, 'formula', 'per']} style={compact} rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} size="small" style={{ width: 64 }} data-testid="formula-per" />
          </Form.Item>
          {unit('分，最多加')}
          <Form.Item name={[index, 'formula', 'max']} style={compact} rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={50} size="small" style={{ width: 64 }} data-testid="formula-max" />
          </Form.Item>
          {unit('分')}
        </Space>
      );
  }
}
