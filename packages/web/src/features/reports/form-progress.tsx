import { Button, Form, Input, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { NODE_KINDS, type NodeKind } from '@tuijin/core';
import { DateInput } from '../../components/date-input';
import { today } from '../../components/year-select';
import { FormSection } from './form-section';
import { OBSTACLE_OPTIONS, type ReportFormValues } from './report-values';
import type { ReportDetail } from './types';

/** 完成节点: key nodes the project met this month, each with its date (never in the future). */
function NodesMet({ report }: { report: ReportDetail }) {
  const form = Form.useFormInstance<ReportFormValues>();
  const chosen = (Form.useWatch('nodesMet', form) ?? []).map((n) => n?.nodeId);
  // A node already met in the ledger is not offered again, unless this report names it.
  const nodes = report.nodes.filter((n) => !n.actualDate || report.nodesMet.some((m) => m.nodeId === n.id));
  const options = nodes.map((n) => ({ value: n.id, label: n.name, hint: `${NODE_KINDS.label[n.kind as NodeKind] ?? n.kind} · 计划 ${n.plannedDate}` }));
  const now = today();
  if (!nodes.length) return <Typography.Text type="secondary">本项目没有未完成的关键节点。</Typography.Text>;
  return (
    <Form.List name="nodesMet">
      {(fields, { add, remove }) => (
        <div data-testid="report-nodes">
          {fields.map((field) => (
            <div key={field.key} className="report-row report-row-node">
              <Form.Item name={[field.name, 'nodeId']} rules={[{ required: true, message: '请选择节点' }]} className="report-node-select" style={{ marginBottom: 8 }}>
                <Select
                  placeholder="选择关键节点"
                  options={options.map((o) => ({ ...o, disabled: chosen.includes(o.value) && chosen[field.name] !== o.value }))}
                  optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.data.label}<div style={{ fontSize: 12, color: '#8c8c8c' }}>{o.data.hint}</div></div>}
                  data-testid="report-node-select"
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'date']}
                rules={[{ required: true, message: '请选择完成日期' }, { validator: (_r, v: string | null) => (v && v > now ? Promise.reject(new Error('完成日期不能晚于今天')) : Promise.resolve()) }]}
                style={{ flex: '1 1 140px', marginBottom: 8 }}
              >
                <DateInput placeholder="实际完成日期" maxDate={now} data-testid="report-node-date" />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该节点" onClick={() => remove(field.name)} className="report-row-remove" />
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ nodeId: null, date: now })} disabled={fields.length >= nodes.length} data-testid="report-node-add">
            添加本月完成的节点
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** 形象进度 and the key nodes met. */
export function ProgressSection({ report }: { report: ReportDetail }) {
  return (
    <FormSection title="形象进度" testId="report-section-progress">
      <Form.Item name="progress" label="本月形象进度" required rules={[{ max: 4000, message: '不能超过 4000 个字' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder="本月完成的工程内容，如：1 号厂房主体封顶，2 号厂房钢结构吊装完成 60%" data-testid="report-progress" />
      </Form.Item>
      <Form.Item label="本月完成的关键节点" style={{ marginBottom: 0 }}>
        <NodesMet report={report} />
      </Form.Item>
    </FormSection>
  );
}

/** 存在问题 (each becomes a tracked obstacle when sent), 下月计划, 需协调事项. */
export function PlansSection() {
  return (
    <FormSection title="问题与计划" testId="report-section-plans">
      <Form.Item label="存在问题" extra="报送后，每个问题都会登记为要素制约，由责任单位跟踪解决。">
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <div data-testid="report-problems">
              {fields.map((field) => (
                <div key={field.key} className="report-problem">
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: '请选择类型' }]} className="report-problem-kind" style={{ marginBottom: 8 }}>
                    <Select placeholder="问题类型" options={OBSTACLE_OPTIONS} data-testid="report-problem-kind" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该问题" onClick={() => remove(field.name)} className="report-row-remove" />
                  <Form.Item name={[field.name, 'description']} rules={[{ required: true, whitespace: true, message: '请描述问题' }, { max: 1000, message: '不能超过 1000 个字' }]} className="report-problem-text" style={{ marginBottom: 8 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder="问题的具体情况，需要哪个部门解决" data-testid="report-problem-description" />
                  </Form.Item>
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: null, description: null, obstacleId: null })} disabled={fields.length >= 20} data-testid="report-problem-add">
                添加问题
              </Button>
            </div>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="nextPlan" label="下月计划" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="下月计划完成的工程内容和投资" data-testid="report-next-plan" />
      </Form.Item>
      <Form.Item name="coordination" label="需协调事项" rules={[{ max: 2000, message: '不能超过 2000 个字' }]} style={{ marginBottom: 0 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="需要县领导或部门协调解决的事项（没有可不填）" data-testid="report-coordination" />
      </Form.Item>
    </FormSection>
  );
}
