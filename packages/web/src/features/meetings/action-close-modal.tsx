import { App, Form, Input } from 'antd';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useUpdateAction } from './api';
import type { ActionItem } from './types';

/** 办结 (the owner says what was done) or 取消 (the office says why): either needs its note. */
export function ActionCloseModal({ action, to, onClose }: { action: ActionItem; to: 'done' | 'cancelled'; onClose: () => void }) {
  const [form] = Form.useForm<{ doneNote: string }>();
  const { message } = App.useApp();
  const update = useUpdateAction();
  const { errors, run } = useDialogSave(form, { fields: ['doneNote'] }, onClose);
  const isDone = to === 'done';
  const submit = (v: { doneNote: string }) => run(async () => {
    await update.mutateAsync({ id: action.id, version: action.version, status: to, doneNote: v.doneNote.trim() });
    message.success(isDone ? '督办事项已办结' : '督办事项已取消');
    onClose();
  });
  return (
    <SaveDialog title={isDone ? '办结督办事项' : '取消督办事项'} testId="action-close" okText={isDone ? '办结' : '取消事项'} saving={update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <p style={{ marginTop: 0 }}>{action.description}</p>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="doneNote" label={isDone ? '办理结果' : '取消原因'} rules={[{ required: true, whitespace: true, message: isDone ? '请写明办理结果' : '请写明取消原因' }, { max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea rows={3} placeholder={isDone ? '如：两家银行已完成授信，首笔贷款已发放' : '如：项目调整，该事项不再需要办理'} data-testid="action-close-note" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
