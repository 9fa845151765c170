import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { addMonths } from '@tuijin/core';
import { DateInput } from '../../components/date-input';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import type { PeriodView } from '../reports/types';
import { useUpdatePeriod } from './api';
import { periodLabel } from './period-format';

interface Values {
  deadline: string;
  note: string | null;
}

/** Moves a month's deadline (a holiday, a late start) or changes its note; a stale version is refused. */
export function DeadlineModal({ period, onClose }: { period: PeriodView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const update = useUpdatePeriod(period.id);
  const { errors, run } = useDialogSave(form, { fields: ['deadline', 'note'] }, () => {
    void client.invalidateQueries({ queryKey: ['periods', period.id] });
    onClose();
  });

  const submit = (values: Values) => run(async () => {
    await update.mutateAsync({ deadline: values.deadline, note: values.note?.trim() || null, version: period.version });
    message.success('已保存');
    onClose();
  });

  return (
    <SaveDialog title={`${periodLabel(period.period)}月报：截止日与说明`} testId="period-deadline" saving={update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Form<Values> form={form} layout="vertical" initialValues={{ deadline: period.deadline, note: period.note }} onFinish={(v) => void submit(v)}>
        <Form.Item name="deadline" label="报送截止日" rules={[{ required: true, message: '请选择报送截止日' }]} extra="截止日当天 24 时以后首次报送的，记为迟报。">
          <DateInput minDate={`${period.period}-01`} maxDate={`${addMonths(period.period, 3)}-01`} data-testid="period-deadline-input" />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
