import { App, Form, Input } from 'antd';
import { addMonths, defaultDeadline } from '@tuijin/core';
import { DateInput, MonthInput } from '../../components/date-input';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { today } from '../../components/year-select';
import { useOpenPeriod, useReportSettings } from './api';
import { periodLabel } from './period-format';

interface Values {
  period: string | null;
  deadline: string | null;
  note: string | null;
}

/**
 * 开启月报: every project that reports (签约 to 投产, and 停缓建) gets its report for the month
 * and its company a notice. A month can be opened once, and not before it has begun.
 */
export function OpenPeriodModal({ opened, onClose, onOpened }: { opened: readonly string[]; onClose: () => void; onOpened: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const settings = useReportSettings();
  const open = useOpenPeriod();
  const { errors, run } = useDialogSave(form, { fields: ['period', 'deadline', 'note'] }, onClose);
  const deadlineDay = settings.data?.settings.deadlineDay ?? 5;
  const current = today().slice(0, 7);
  // The month most likely wanted: this one, or the last one not yet opened.
  const suggested = [current, addMonths(current, -1)].find((p) => !opened.includes(p)) ?? null;

  const submit = (values: Values) => run(async () => {
    const period = await open.mutateAsync({ period: values.period!, deadline: values.deadline ?? undefined, note: values.note?.trim() || null });
    message.success(`${periodLabel(period.period)}月报已开启，共 ${period.counts.total} 个项目需报送，已通知各项目单位`);
    onOpened(period.id);
  });

  return (
    <SaveDialog title="开启月报" testId="period-open" okText="开启" saving={open.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ period: suggested, deadline: suggested ? defaultDeadline(suggested, deadlineDay) : null, note: null }}
        onValuesChange={(changed: Partial<Values>) => {
          // The deadline follows the month until someone sets it by hand.
          if (changed.period && !form.isFieldTouched('deadline')) form.setFieldValue('deadline', defaultDeadline(changed.period, deadlineDay));
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="period"
          label="报告月份"
          extra="只能开启本月及以前的月份，已开启过的月份不可选；开启后，所有在报项目（签约至投产、停缓建）生成本月月报，并通知项目单位填报员。"
          rules={[
            { required: true, message: '请选择月份' },
            { validator: (_r, v: string | null) => (v && opened.includes(v) ? Promise.reject(new Error(`${periodLabel(v)}的月报已经开启过`)) : Promise.resolve()) },
          ]}
        >
          <MonthInput maxDate={`${current}-01`} disabledMonths={opened} data-testid="period-open-month" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="报送截止日"
          extra={`默认为次月 ${deadlineDay} 日（见「月报设置」），可按本月安排调整。`}
          rules={[{ required: true, message: '请选择报送截止日' }]}
        >
          <DateInput data-testid="period-open-deadline" />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
          <Input.TextArea rows={2} placeholder="选填，如：本月请重点报送节点完成情况" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
