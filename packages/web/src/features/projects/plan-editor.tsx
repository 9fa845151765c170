import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { sumYuan } from '@tuijin/core';
import { isApiError } from '../../app/api-client';
import { MoneyInput, moneyRules } from '../../components/money-input';
import { MonthInput } from '../../components/date-input';
import { wan } from '../../components/format';
import { yearOptions } from '../../components/year-select';
import { useSavePlan } from './api';
import type { AnnualPlan, ProjectDetail } from './types';
import { useWriteError } from './use-write-error';

interface Values {
  year: number;
  plan: number | null;
  target: number | null;
  monthly: (number | null)[];
  progressGoal?: string | null;
  completed: number | null;
  completedThrough: string | null;
  completedLastYear: number | null;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i);
const isAmount = (v: number | null | undefined): v is number => typeof v === 'number' && !Number.isNaN(v);

/** Spreads the plan over 12 months in whole 0.01 万元 (100 yuan); December takes the rest. */
export function evenSplit(plan: number): number[] {
  const perMonth = Math.floor(plan / 100 / 12) * 100;
  return MONTHS.map((m) => (m < 11 ? perMonth : plan - perMonth * 11));
}

function MonthlyBreakdown() {
  const form = Form.useFormInstance<Values>();
  const monthly = Form.useWatch('monthly', form) ?? [];
  const plan = Form.useWatch('plan', form);
  const filled = monthly.filter(isAmount);
  const sum = sumYuan(filled);
  const hasPlan = isAmount(plan);
  const diff = hasPlan ? plan - sum : 0;

  const fillDecember = () => {
    if (!hasPlan) return;
    const others = sumYuan(monthly.slice(0, 11).filter(isAmount));
    form.setFieldValue(['monthly', 11], Math.max(0, plan - others));
  };

  return (
    <div data-testid="plan-monthly">
      <Row gutter={[12, 0]}>
        {MONTHS.map((m) => (
          <Col key={m} xs={12} md={6} lg={4}>
            <Form.Item name={['monthly', m]} label={`${m + 1}月`} rules={moneyRules(`${m + 1}月计划`)} style={{ marginBottom: 8 }}>
              <MoneyInput placeholder="0" suffix="" data-testid={`plan-month-${m + 1}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Space wrap size={12} style={{ marginTop: 4 }}>
        <Button size="small" disabled={!hasPlan} onClick={() => hasPlan && form.setFieldValue('monthly', evenSplit(plan))}>按月平均分配</Button>
        <Button size="small" disabled={!hasPlan} onClick={fillDecember}>余额计入 12 月</Button>
        <Button size="small" onClick={() => form.setFieldValue('monthly', MONTHS.map(() => null))}>清空</Button>
        {filled.length > 0 && (
          <Typography.Text type={diff === 0 ? 'success' : 'danger'} data-testid="plan-monthly-sum">
            月度合计 {wan(sum)} 万元{hasPlan && (diff === 0 ? '，与年度计划一致' : `，与年度计划相差 ${wan(Math.abs(diff))} 万元`)}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}

/** 年度计划: plan and target of one year, its monthly breakdown, and what has been done. */
export function PlanEditor({ detail, plan, onClose }: { detail: ProjectDetail; plan: AnnualPlan | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSavePlan(detail.id);
  const onWriteError = useWriteError(detail.id);
  const [errors, setErrors] = useState<string[]>([]);
  const taken = new Set(detail.plans.map((p) => p.year));
  const years = yearOptions().filter((o) => !taken.has(o.value));
  const year = Form.useWatch('year', form) ?? plan?.year;

  const initialValues: Values = plan
    ? { ...plan, monthly: plan.monthly ?? MONTHS.map(() => null) }
    : { year: years[0]?.value ?? new Date().getFullYear(), plan: null, target: null, monthly: MONTHS.map(() => null), completed: null, completedThrough: null, completedLastYear: null };

  const submit = async (v: Values) => {
    setErrors([]);
    const planYuan = v.plan ?? 0;
    const anyMonth = v.monthly.some(isAmount);
    const monthly = anyMonth ? v.monthly.map((m) => (isAmount(m) ? m : 0)) : null;
    if (monthly && sumYuan(monthly) !== planYuan) {
      setErrors(['月度计划合计必须等于年度计划投资，请调整后再保存（可使用「余额计入 12 月」）']);
      return;
    }
    try {
      await save.mutateAsync({
        year: v.year,
        body: {
          plan: planYuan, target: v.target ?? 0, monthly, progressGoal: v.progressGoal?.trim() || null,
          completed: v.completed ?? 0, completedThrough: v.completedThrough, completedLastYear: v.completedLastYear,
          version: plan?.version,
        },
      });
      message.success(`${v.year} 年度计划已保存`);
      onClose();
    } catch (error) {
      const rest = onWriteError(error, form, { lists: ['monthly'] });
      if (isApiError(error, 'version_conflict')) onClose();
      else setErrors(rest);
    }
  };

  return (
    <Modal
      open
      width={880}
      title={plan ? `编辑 ${plan.year} 年度计划` : '编制年度计划'}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="plan-save">保存</Button>,
      ]}
      maskClosable={false}
      data-testid="plan-editor"
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
              <Select options={plan ? [{ value: plan.year, label: `${plan.year} 年` }] : years} disabled={plan != null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="plan" label="计划投资" required rules={moneyRules('计划投资', { required: true })}>
              <MoneyInput data-testid="plan-plan" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="target"
              label="力争投资"
              required
              dependencies={['plan']}
              rules={[
                ...moneyRules('力争投资', { required: true }),
                ({ getFieldValue }) => ({
                  validator: (_r, value: number | null) => {
                    const p = getFieldValue('plan') as number | null;
                    return !isAmount(value) || !isAmount(p) || value >= p ? Promise.resolve() : Promise.reject(new Error('力争投资不能低于计划投资'));
                  },
                }),
              ]}
            >
              <MoneyInput data-testid="plan-target" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>月度计划（万元）</Typography.Text>
        <MonthlyBreakdown />
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}>
            <Form.Item name="completed" label="已完成投资" rules={moneyRules('已完成投资')}>
              <MoneyInput data-testid="plan-completed" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="completedThrough" label="完成投资截止月份">
              <MonthInput minDate={`${year}-01-01`} maxDate={`${year}-12-31`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="completedLastYear" label="上年同期完成" rules={moneyRules('上年同期完成')}>
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="progressGoal" label="形象进度目标" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：年底前主体完工，设备进场安装" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
