import { App, Form, Input } from 'antd';
import { DateInput } from '../../components/date-input';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { today } from '../../components/year-select';
import { useCreateMeeting, useUpdateMeeting } from './api';
import type { MeetingView } from './types';

// 召开联席会议: its name, day, place and chair. A new meeting's agenda builds itself from what
// needs a decision in the county (escalated obstacles, red warnings, action items due).

interface Values { title: string; heldOn: string | null; place: string | null; chair: string | null; summary?: string | null }
const FIELDS = ['title', 'heldOn', 'place', 'chair', 'summary'] as const;

export function MeetingFormModal({ meeting, onClose, onSaved }: { meeting?: MeetingView; onClose: () => void; onSaved?: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meeting?.id ?? 0);
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);
  const now = today();
  const initial: Values = meeting
    ? { title: meeting.title, heldOn: meeting.heldOn, place: meeting.place, chair: meeting.chair, summary: meeting.summary }
    : { title: `${Number(now.slice(0, 4))}年${Number(now.slice(5, 7))}月重点项目联席会议`, heldOn: now, place: null, chair: null };
  const submit = (v: Values) => run(async () => {
    const body = { title: v.title.trim(), heldOn: v.heldOn!, place: v.place?.trim() || null, chair: v.chair?.trim() || null };
    if (meeting) {
      await update.mutateAsync({ ...body, summary: v.summary?.trim() || null, version: meeting.version });
      message.success('会议信息已保存');
      onClose();
      return;
    }
    const created = await create.mutateAsync(body);
    message.success(created.items.length ? `会议已创建，议程已自动生成 ${created.items.length} 项` : '会议已创建；目前没有需要上会的事项，可手工添加议题');
    onSaved?.(created.id);
  });
  return (
    <SaveDialog title={meeting ? '编辑会议信息' : '召开联席会议'} testId="meeting-form" width={560} okText={meeting ? '保存' : '创建并生成议程'} saving={create.isPending || update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }, { max: 100, message: '不能超过 100 个字' }]}>
          <Input data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]} extra={meeting ? undefined : '议程按会议日期判断逾期：已到督办/约谈或逾期的问题、红色预警项目、到期或逾期的督办事项自动列入。'}>
          <DateInput data-testid="meeting-date" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', columnGap: 12 }}>
          <Form.Item name="place" label="会议地点" rules={[{ max: 100, message: '不能超过 100 个字' }]}>
            <Input placeholder="如：县政府第一会议室" data-testid="meeting-place" />
          </Form.Item>
          <Form.Item name="chair" label="主持人" rules={[{ max: 50, message: '不能超过 50 个字' }]}>
            <Input placeholder="如：常务副县长 李明" data-testid="meeting-chair" />
          </Form.Item>
        </div>
        {meeting && (
          <Form.Item name="summary" label="会议概述" rules={[{ max: 4000, message: '不能超过 4000 个字' }]}>
            <Input.TextArea rows={3} placeholder="选填，写入会议纪要开头" />
          </Form.Item>
        )}
      </Form>
    </SaveDialog>
  );
}
