import { Button, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { SUBJECT_KINDS, SUBJECT_LABEL } from '@tuijin/core';

// The rest of a scheme: who is ranked, how many 红旗 and 黄旗 each ranking hands out, and the
// year-end grades (等次) by average score, from the top.

const compact = { marginBottom: 0 } as const;
// On the inputs' line (32 px), above where a field's message appears.
const unit = (text: string) => <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>{text}</Typography.Text>;

export function SchemeRulesEditor() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: '0 32px' }}>
      <div>
        <Form.Item name={['document', 'subjects']} label="考核对象" extra="责任单位、包保领导、乡镇园区和县（市、区）的得分为其项目得分的平均数">
          <Checkbox.Group options={SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_LABEL[k] }))} data-testid="scheme-subjects" />
        </Form.Item>
        <Form.Item label="红旗、黄旗" required extra="每类考核对象的月度排名中，前几名授红旗、后几名授黄旗（0 为不授）；并列的一同授旗">
          <Space size={4} align="start" wrap>
            {unit('前')}
            <Form.Item name={['document', 'flags', 'red']} style={compact} rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={50} precision={0} style={{ width: 64 }} data-testid="scheme-flags-red" />
            </Form.Item>
            {unit('名授红旗，后')}
            <Form.Item name={['document', 'flags', 'yellow']} style={compact} rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={50} precision={0} style={{ width: 64 }} data-testid="scheme-flags-yellow" />
            </Form.Item>
            {unit('名授黄旗')}
          </Space>
        </Form.Item>
      </div>
      <Form.Item label="年度等次" required extra="按全年各月得分的平均数评定，从高到低；低于最后一档为不合格">
        <Form.List name={['document', 'grades']}>
          {(rows, { add, remove }) => (
            <div style={{ display: 'grid', gap: 6 }} data-testid="scheme-grades">
              {rows.map((row, n) => (
                <Space key={row.key} size={4} align="start">
                  <Form.Item name={[row.name, 'atLeast']} style={compact} rules={[{ required: true, message: '请填写分数线' }]}>
                    <InputNumber min={0} max={100} style={{ width: 72 }} data-testid="grade-at-least" />
                  </Form.Item>
                  {unit('分及以上为')}
                  <Form.Item name={[row.name, 'label']} style={compact} rules={[{ required: true, whitespace: true, message: '请填写等次' }]}>
                    <Input maxLength={10} style={{ width: 96 }} data-testid="grade-label" />
                  </Form.Item>
                  {rows.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(n)} aria-label="删除此等次" />}
                </Space>
              ))}
              {rows.length < 6 && <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ atLeast: null, label: '' })} style={{ width: 'fit-content' }}>加一个等次</Button>}
            </div>
          )}
        </Form.List>
      </Form.Item>
    </div>
  );
}
