import { App, Button, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useUpdateMeeting } from './api';
import type { Attendee, MeetingView } from './types';

/** 参会人员: name and unit/title, one a row, as the minutes list them. */
export function AttendeesModal({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  const [form] = Form.useForm<{ attendees: Attendee[] }>();
  const { message } = App.useApp();
  const update = useUpdateMeeting(meeting.id);
  const { errors, run } = useDialogSave(form, { fields: ['attendees'], lists: ['attendees'] }, onClose);
  const submit = (v: { attendees: Attendee[] }) => run(async () => {
    const attendees = (v.attendees ?? []).filter((a) => a?.name?.trim()).map((a) => ({ name: a.name.trim(), unit: a.unit?.trim() || null }));
    await update.mutateAsync({ version: meeting.version, attendees });
    message.success('参会人员已保存');
    onClose();
  });
  return (
    <SaveDialog title="参会人员" testId="attendees" width={560} saving={update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Form form={form} initialValues={{ attendees: meeting.attendees.length ? meeting.attendees : [{ name: '', unit: null }] }} onFinish={(v) => void submit(v)}>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item name={[field.name, 'name']} style={{ flex: '0 0 130px', marginBottom: 8 }} rules={[{ max: 50, message: '不能超过 50 个字' }]}>
                    <Input placeholder="姓名" data-testid="attendee-name" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} style={{ flex: 1, marginBottom: 8 }} rules={[{ max: 100, message: '不能超过 100 个字' }]}>
                    <Input placeholder="单位及职务，如：县自然资源局局长" data-testid="attendee-unit" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', unit: null })} data-testid="attendee-add">添加参会人员</Button>
            </>
          )}
        </Form.List>
      </Form>
    </SaveDialog>
  );
}
