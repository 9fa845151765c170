import { App, Form, Input, Select } from 'antd';
import { OBSTACLE_KIND_LABEL, type ObstacleKind } from '@tuijin/core';
import { DateInput } from '../../components/date-input';
import { OrgSelect, PersonSelect } from '../../components/ref-selects';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { today } from '../../components/year-select';
import { useRaiseObstacle, useUpdateObstacle, type ObstacleFormValues } from './api';
import { ProjectPick } from './project-pick';
import type { ObstacleView } from './types';

interface Values extends ObstacleFormValues {
  projectId: number | null;
}

const FIELDS = ['projectId', 'kind', 'title', 'description', 'ownerOrgId', 'leaderId', 'deadline'] as const;

/**
 * 登记问题 (raise by hand) or 修改 (edit): the project, what kind of problem, who owns it and by
 * when. A new one's owner and leader follow the project's 责任单位 and 包保领导 until changed.
 */
export function ObstacleDialog({ obstacle, projectId, meetingId, onClose, onSaved }: { obstacle?: ObstacleView; projectId?: number; meetingId?: number; onClose: () => void; onSaved?: (o: ObstacleView) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const raise = useRaiseObstacle();
  const update = useUpdateObstacle(obstacle?.id ?? 0);
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);
  const isEdit = obstacle != null;

  const submit = (v: Values) => run(async () => {
    const body = { kind: v.kind, title: v.title?.trim() || null, description: v.description.trim(), ownerOrgId: v.ownerOrgId ?? null, leaderId: v.leaderId ?? null, deadline: v.deadline ?? null };
    const saved = isEdit ? await update.mutateAsync({ ...body, version: obstacle.version }) : await raise.mutateAsync({ ...body, projectId: projectId ?? v.projectId!, ...(meetingId ? { meetingId } : {}) });
    message.success(isEdit ? '问题已修改' : '问题已登记交办，已通知责任单位');
    onSaved?.(saved);
    onClose();
  });

  return (
    <SaveDialog title={isEdit ? '修改问题' : meetingId ? '登记会议交办的问题' : '登记问题'} testId="obstacle-form" okText={isEdit ? '保存' : '登记交办'} saving={raise.isPending || update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose} width={560}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={obstacle
          ? { projectId: obstacle.projectId, kind: obstacle.kind, title: obstacle.title, description: obstacle.description, ownerOrgId: obstacle.ownerOrgId, leaderId: obstacle.leaderId, deadline: obstacle.deadline }
          : { projectId: projectId ?? null, kind: undefined, deadline: null }}
        onFinish={(v) => void submit(v)}
      >
        {!isEdit && !projectId && (
          <Form.Item name="projectId" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
            <ProjectPick onPicked={(row) => {
              if (!row) return;
              if (!form.isFieldTouched('ownerOrgId')) form.setFieldValue('ownerOrgId', row.responsibleOrgId);
              if (!form.isFieldTouched('leaderId')) form.setFieldValue('leaderId', row.leaderId);
            }} />
          </Form.Item>
        )}
        <Form.Item name="kind" label="问题类型" rules={[{ required: true, message: '请选择问题类型' }]}>
          <Select<ObstacleKind> placeholder="用地、资金、手续审批……" options={Object.entries(OBSTACLE_KIND_LABEL).map(([value, label]) => ({ value: value as ObstacleKind, label }))} data-testid="obstacle-kind" />
        </Form.Item>
        <Form.Item name="title" label="问题标题" rules={[{ max: 100, message: '不能超过 100 个字' }]}>
          <Input placeholder="选填，一句话概括，如：二期用地指标未落实" />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题描述' }, { max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={3} placeholder="问题的具体情况、影响和需要协调的事项" data-testid="obstacle-description" />
        </Form.Item>
        <Form.Item name="ownerOrgId" label="责任单位" extra={isEdit ? undefined : '默认为项目的责任单位'}>
          <OrgSelect kind="department" currentLabel={obstacle?.ownerOrgName} />
        </Form.Item>
        <Form.Item name="leaderId" label="包保领导" extra={isEdit ? undefined : '默认为项目的包保县级领导'}>
          <PersonSelect currentLabel={obstacle?.leaderName} />
        </Form.Item>
        <Form.Item name="deadline" label="办理期限" extra="不填则按设置的默认办理期限；逾期未办结的，系统按规则自动提醒、督办、约谈。">
          <DateInput minDate={today()} data-testid="obstacle-deadline" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
