import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Typography } from 'antd';
import { STAGE_LABEL } from '@tuijin/core';
import { api } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { DateInput } from '../../components/date-input';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import type { LedgerResult } from '../ledger/api';
import { useCreateInspection, useUpdateInspection, type InspectionDetail, type PlanBody } from './api';

// 计划督导检查: a title, the day, the team (the one planning it, and others by name) and the
// projects to visit, picked from the ledger of the caller's scope.

interface Values { title: string; plannedDate: string | null; teamNames: string[]; projectIds: number[]; note: string | null }

const FIELDS = ['title', 'plannedDate', 'teamNames', 'projectIds', 'note'] as const;

function useProjectOptions() {
  const { data, isLoading } = useQuery({
    queryKey: ['ledger', 'inspection-options'],
    queryFn: () => api.get<LedgerResult>('/projects', { pageSize: 500, sort: 'name', order: 'asc' }),
    staleTime: 60_000,
  });
  const options = useMemo(() => (data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}（${STAGE_LABEL[p.stage]}${p.responsibleOrgName ? ` · ${p.responsibleOrgName}` : ''}）`,
  })), [data]);
  return { options, isLoading };
}

export function PlanModal({ plan, onClose, onSaved }: { plan?: InspectionDetail; onClose: () => void; onSaved: (id: number) => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateInspection();
  const update = useUpdateInspection(plan?.id ?? 0);
  const { errors, run } = useDialogSave(form, { fields: FIELDS, lists: ['projectIds', 'teamNames'] }, onClose);
  const { options, isLoading } = useProjectOptions();
  const own = plan?.team.find((m) => m.userId === me.id);
  const initial: Values = plan
    ? { title: plan.title, plannedDate: plan.plannedDate, teamNames: plan.team.filter((m) => m.userId == null).map((m) => m.name), projectIds: plan.projects.map((p) => p.projectId), note: plan.note }
    : { title: '', plannedDate: null, teamNames: [], projectIds: [], note: null };
  // The planner is on the team as an account (named as it is); others are names.
  const keepsSelf = !plan || own != null;
  const accounts = plan?.team.filter((m) => m.userId != null && m.userId !== me.id) ?? [];

  const save = () => run(async () => {
    const v = await form.validateFields();
    const team: PlanBody['team'] = [
      ...(keepsSelf ? [{ userId: me.id }] : []),
      ...accounts.map((m) => ({ userId: m.userId })),
      ...v.teamNames.map((name) => ({ name })),
    ];
    const body = { title: v.title, plannedDate: v.plannedDate!, team, projectIds: v.projectIds, note: v.note?.trim() || null };
    const saved = plan ? await update.mutateAsync({ ...body, version: plan.version }) : await create.mutateAsync(body);
    onSaved(saved.id);
  });

  return (
    <SaveDialog title={plan ? '修改检查计划' : '计划督导检查'} testId="inspection-plan" width={640} saving={create.isPending || update.isPending} errors={errors} onSave={() => void save()} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
        <Form.Item name="title" label="检查名称" rules={[{ required: true, whitespace: true, message: '请填写检查名称' }, { max: 100, message: '不能超过 100 个字' }]}>
          <Input placeholder="如：2026年6月重点项目联合督导检查" data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="plannedDate" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
          <DateInput data-testid="plan-date" />
        </Form.Item>
        <Form.Item name="teamNames" label="检查组其他成员" extra={`${[...(keepsSelf ? [`${me.displayName}（本人）`] : []), ...accounts.map((m) => m.name)].join('、') || '无账号成员'}已在检查组中；其他成员输入姓名后回车`}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder="如：县发改局 王五" data-testid="plan-team" />
        </Form.Item>
        <Form.Item name="projectIds" label="检查项目" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择 1 个项目' }]}>
          <Select
            mode="multiple"
            showSearch
            loading={isLoading}
            options={options}
            optionFilterProp="label"
            placeholder="搜索项目名称"
            maxTagCount="responsive"
            data-testid="plan-projects"
          />
        </Form.Item>
        <Form.Item name="note" label="检查重点">
          <Input.TextArea rows={2} maxLength={1000} placeholder="如：主体进度是否与月报一致、安全文明施工" />
        </Form.Item>
        {plan && plan.progress.visited > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>已有检查记录的项目不能移出本次检查。</Typography.Text>
        )}
      </Form>
    </SaveDialog>
  );
}
