import { App, Form, Input, Select } from 'antd';
import { DateInput } from '../../components/date-input';
import { OrgSelect, OWNER_KIND_ORDER, PersonSelect } from '../../components/ref-selects';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useAddAction, useUpdateAction } from './api';
import { filterByLabel, useProjectOptions } from './project-options';
import type { ActionItem, MeetingView } from './types';

// 督办事项: what the meeting decided someone must do, by when — a unit and/or a person, on a
// project or an agenda item.

interface Values { meetingItemId: number | null; description: string; ownerOrgId: number | null; ownerPersonId: number | null; deadline: string | null; projectId: number | null }
const FIELDS = ['meetingItemId', 'description', 'ownerOrgId', 'ownerPersonId', 'deadline', 'projectId'] as const;

export function ActionModal({ meeting, action, itemId, onClose }: { meeting: MeetingView; action?: ActionItem; itemId?: number | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const add = useAddAction(meeting.id);
  const update = useUpdateAction();
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);
  const { options, isLoading } = useProjectOptions();
  const item = (id: number | null) => meeting.items.find((i) => i.id === id);
  const initial: Values = action
    ? { meetingItemId: action.meetingItemId, description: action.description, ownerOrgId: action.ownerOrgId, ownerPersonId: action.ownerPersonId, deadline: action.deadline, projectId: action.projectId }
    : { meetingItemId: itemId ?? null, description: '', ownerOrgId: null, ownerPersonId: null, deadline: null, projectId: item(itemId ?? null)?.projectId ?? null };

  const submit = (v: Values) => run(async () => {
    const body = { description: v.description.trim(), ownerOrgId: v.ownerOrgId, ownerPersonId: v.ownerPersonId, deadline: v.deadline, projectId: v.projectId };
    if (action) await update.mutateAsync({ id: action.id, version: action.version, ...body });
    else await add.mutateAsync({ ...body, meetingItemId: v.meetingItemId });
    message.success(action ? '督办事项已修改' : '督办事项已添加');
    onClose();
  });

  return (
    <SaveDialog title={action ? '修改督办事项' : '添加督办事项'} testId="action" width={600} saving={add.isPending || update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed: Partial<Values>) => {
          // An action on a project's item is on that project unless chosen otherwise.
          if (changed.meetingItemId !== undefined && !form.isFieldTouched('projectId')) form.setFieldValue('projectId', item(changed.meetingItemId)?.projectId ?? null);
        }}
        onFinish={(v) => void submit(v)}
      >
        {!action && (
          <Form.Item name="meetingItemId" label="所属议题">
            <Select allowClear placeholder="不属于某一议题" options={meeting.items.map((i, n) => ({ value: i.id, label: `${n + 1}. ${i.title}` }))} data-testid="action-item" />
          </Form.Item>
        )}
        <Form.Item name="description" label="督办事项" rules={[{ required: true, whitespace: true, message: '请写明要办的事' }, { max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea rows={3} placeholder="如：11月底前落实首笔项目贷款" data-testid="action-description" />
        </Form.Item>
        <Form.Item name="projectId" label="项目">
          <Select allowClear showSearch loading={isLoading} options={options} filterOption={filterByLabel} placeholder="选填" data-testid="action-project" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 12 }}>
          <Form.Item name="ownerOrgId" label="责任单位" extra="责任单位和责任人至少填一项">
            <OrgSelect kindOrder={OWNER_KIND_ORDER} data-testid="action-owner-org" currentLabel={action?.ownerOrgName} />
          </Form.Item>
          <Form.Item name="ownerPersonId" label="责任人">
            <PersonSelect data-testid="action-owner-person" currentLabel={action?.ownerPersonName} />
          </Form.Item>
        </div>
        <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
          <DateInput minDate={meeting.heldOn} data-testid="action-deadline" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
