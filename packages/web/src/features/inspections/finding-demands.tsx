import { Button, Form, Input, Radio, Select, Tag, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEMAND_ROUTE_LABEL, OBSTACLE_KIND_LABEL, OBSTACLE_KINDS } from '@tuijin/core';
import { Link } from 'react-router-dom';
import { DateInput } from '../../components/date-input';
import type { DemandValue, FindingValues } from './finding-values';

// 整改要求: each demand says what must be put right, of which kind, by when, and whether it is
// tracked as an obstacle (问题督办, up the ladder) or as an action item (督办事项). On save it is
// handed on; from then it shows where it stands and cannot be changed here.

const KIND_OPTIONS = OBSTACLE_KINDS.map((k) => ({ value: k, label: OBSTACLE_KIND_LABEL[k] }));
const ROUTE_OPTIONS = (Object.keys(DEMAND_ROUTE_LABEL) as (keyof typeof DEMAND_ROUTE_LABEL)[]).map((k) => ({ value: k, label: DEMAND_ROUTE_LABEL[k] }));

function RaisedDemand({ demand }: { demand: DemandValue }) {
  return (
    <div className="report-problem" style={{ display: 'block', paddingBottom: 8 }} data-testid="demand-raised">
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
        <Tag style={{ marginInlineEnd: 0 }}>{demand.kindLabel ?? OBSTACLE_KIND_LABEL[demand.kind]}</Tag>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>{demand.raiseAsLabel ?? DEMAND_ROUTE_LABEL[demand.raiseAs]}</Tag>
        {demand.statusLabel && <Tag color="processing" style={{ marginInlineEnd: 0 }}>{demand.statusLabel}</Tag>}
        {demand.link && <Link to={demand.link}>查看督办</Link>}
      </div>
      <div style={{ marginTop: 6 }}>{demand.description}</div>
      {demand.deadline && <Typography.Text type="secondary" style={{ fontSize: 12 }}>整改期限 {demand.deadline}</Typography.Text>}
    </div>
  );
}

export function DemandsEditor({ form, canEdit, today }: { form: FormInstance<FindingValues>; canEdit: boolean; today: string }) {
  return (
    <Form.List name="demands">
      {(fields, { add, remove }) => (
        <div data-testid="demands">
          {fields.map((field, index) => {
            const demand = form.getFieldValue(['demands', field.name]) as DemandValue | undefined;
            if (demand?.obstacleId != null || demand?.actionItemId != null || !canEdit) return <RaisedDemand key={field.key} demand={demand!} />;
            return (
              <div key={field.key} className="report-problem" data-testid="demand-row">
                <Form.Item name={[field.name, 'kind']} className="report-problem-kind" rules={[{ required: true, message: '请选择类型' }]}>
                  <Select options={KIND_OPTIONS} placeholder="问题类型" data-testid="demand-kind" />
                </Form.Item>
                <Button className="report-row-remove" type="text" danger icon={<DeleteOutlined />} aria-label={`删除整改要求第 ${index + 1} 项`} onClick={() => remove(field.name)} />
                <Form.Item name={[field.name, 'description']} className="report-problem-text" rules={[{ required: true, whitespace: true, message: '请填写整改内容' }, { max: 500, message: '不能超过 500 个字' }]}>
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} placeholder="整改内容，如：如实填报形象进度" data-testid="demand-description" />
                </Form.Item>
                <Form.Item name={[field.name, 'raiseAs']} style={{ flex: '1 1 220px' }} rules={[{ required: true, message: '请选择转办方式' }]}>
                  <Radio.Group options={ROUTE_OPTIONS} optionType="button" data-testid="demand-route" />
                </Form.Item>
                <Form.Item name={[field.name, 'deadline']} style={{ flex: '1 1 160px' }}>
                  <DateInput placeholder="整改期限" minDate={today} data-testid="demand-deadline" />
                </Form.Item>
              </div>
            );
          })}
          {canEdit && (
            <Button icon={<PlusOutlined />} onClick={() => add({ description: '', kind: 'construction', raiseAs: 'obstacle', deadline: null, obstacleId: null, actionItemId: null })} block data-testid="demand-add">
              添加整改要求
            </Button>
          )}
          {!fields.length && !canEdit && <Typography.Text type="secondary">无整改要求</Typography.Text>}
          {canEdit && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>保存后，整改要求即转交项目责任单位：转问题督办的按期限逐级提醒、督办；列督办事项的跟踪到办结。转交后不能再修改。</Typography.Paragraph>}
        </div>
      )}
    </Form.List>
  );
}
