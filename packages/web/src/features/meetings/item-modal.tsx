import { App, Alert, Form, Input, Select } from 'antd';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useAddItem, useUpdateItem } from './api';
import { filterByLabel, useProjectOptions } from './project-options';
import type { MeetingItem, MeetingView } from './types';

// An agenda item: its wording (the office's words stay through a rebuild), and once the meeting
// is held, its minutes — who reported, what was reported, what the meeting decided.

interface Values { title: string; background: string | null; projectId?: number | null; reporter: string | null; reported: string | null; decided: string | null }
const FIELDS = ['title', 'background', 'projectId', 'reporter', 'reported', 'decided'] as const;

export function ItemModal({ meeting, item, focus, onClose }: { meeting: MeetingView; item?: MeetingItem; focus?: 'minutes'; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const add = useAddItem(meeting.id);
  const update = useUpdateItem(meeting.id);
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);
  const { options, isLoading } = useProjectOptions();
  const isHeld = meeting.status === 'held';
  const initial: Values = { title: item?.title ?? '', background: item?.background ?? null, projectId: item?.projectId ?? null, reporter: item?.reporter ?? null, reported: item?.reported ?? null, decided: item?.decided ?? null };
  const clean = (v: string | null | undefined) => v?.trim() || null;

  const submit = (v: Values) => run(async () => {
    if (!item) {
      await add.mutateAsync({ title: v.title.trim(), background: clean(v.background), ...(v.projectId ? { projectId: v.projectId } : {}) });
      message.success('议题已添加');
    } else {
      const body = { title: v.title.trim(), background: clean(v.background), reporter: clean(v.reporter), ...(isHeld ? { reported: clean(v.reported), decided: clean(v.decided) } : {}) };
      await update.mutateAsync({ itemId: item.id, version: item.version, ...body });
      message.success(focus === 'minutes' ? '会议记录已保存' : '议题已保存');
    }
    onClose();
  });

  return (
    <SaveDialog title={!item ? '添加议题' : focus === 'minutes' ? '记录汇报和议定事项' : '编辑议题'} testId="item" width={640} saving={add.isPending || update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="议题名称" rules={[{ required: true, whitespace: true, message: '请填写议题名称' }, { max: 200, message: '不能超过 200 个字' }]}>
          <Input data-testid="item-title" />
        </Form.Item>
        <Form.Item name="background" label="议题背景（为何上会）" rules={[{ max: 4000, message: '不能超过 4000 个字' }]} extra={item && item.source !== 'other' ? '修改名称或背景后，重新生成议程时保留您的修改' : undefined}>
          <Input.TextArea rows={3} data-testid="item-background" />
        </Form.Item>
        {!item && (
          <Form.Item name="projectId" label="涉及项目">
            <Select allowClear showSearch loading={isLoading} options={options} filterOption={filterByLabel} placeholder="选填" />
          </Form.Item>
        )}
        {item && (
          <>
            <Form.Item name="reporter" label="汇报人" rules={[{ max: 50, message: '不能超过 50 个字' }]}>
              <Input placeholder="如：县自然资源局 赵磊" data-testid="item-reporter" />
            </Form.Item>
            {!isHeld && <Alert type="info" showIcon message="会议召开后（标记为「已召开」）即可记录汇报情况和会议议定事项。" style={{ marginBottom: 12 }} />}
            <Form.Item name="reported" label="汇报情况" rules={[{ max: 4000, message: '不能超过 4000 个字' }]}>
              <Input.TextArea rows={3} disabled={!isHeld} data-testid="item-reported" />
            </Form.Item>
            <Form.Item name="decided" label="会议议定" rules={[{ max: 4000, message: '不能超过 4000 个字' }]}>
              <Input.TextArea rows={3} disabled={!isHeld} data-testid="item-decided" />
            </Form.Item>
          </>
        )}
      </Form>
    </SaveDialog>
  );
}
