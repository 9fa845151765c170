import { App, Form, Input, Radio, Select } from 'antd';
import { SUBJECT_LABEL } from '@tuijin/core';
import { changedValues } from '../../components/changed-values';
import { DateInput } from '../../components/date-input';
import { OrgSelect, PersonSelect } from '../../components/ref-selects';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { filterByLabel, useProjectOptions } from '../meetings/project-options';
import { useCreateAward, useUpdateAward } from './api';
import type { Award, AwardFields, AwardKind, AwardSubjectKind } from './types';

// 奖惩: what the county decided for a project, unit, leader or township for the year — a
// reward (评为先进、通报表扬) or a penalty (通报批评、约谈) — with its document number and date.
// Whom a record is about is fixed once recorded (a wrong subject is deleted and entered again).

interface Values { subjectKind: AwardSubjectKind; subjectId: number | null; kind: AwardKind; title: string; detail: string | null; docNo: string | null; decidedOn: string | null }
const FIELDS = ['subjectKind', 'subjectId', 'kind', 'title', 'detail', 'docNo', 'decidedOn'] as const;
export const AWARD_SUBJECT_KINDS: AwardSubjectKind[] = ['project', 'department', 'leader', 'township'];
export const AWARD_KIND_LABEL: Record<AwardKind, string> = { reward: '奖励', penalty: '惩罚' };

function SubjectPicker({ kind, value, onChange, currentLabel, disabled }: { kind: AwardSubjectKind; value?: number | null; onChange?: (v: number | null) => void; currentLabel?: string | null; disabled?: boolean }) {
  const projects = useProjectOptions();
  if (kind === 'leader') return <PersonSelect value={value} onChange={onChange} currentLabel={currentLabel} disabled={disabled} placeholder="选择包保领导" data-testid="award-subject" />;
  if (kind === 'department' || kind === 'township') {
    return <OrgSelect kind={kind} value={value} onChange={onChange} currentLabel={currentLabel} disabled={disabled} placeholder={`选择${SUBJECT_LABEL[kind]}`} data-testid="award-subject" />;
  }
  const options = projects.options;
  // A project gone from the ledger list (terminated, out of scope) still shows its name.
  const known = value == null || options.some((o) => ('options' in o ? o.options.some((x) => x.value === value) : o.value === value));
  return (
    <Select
      showSearch
      allowClear
      loading={projects.isLoading}
      placeholder="选择项目"
      disabled={disabled}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={known ? options : [{ value: value, label: currentLabel ?? `#${value}` }, ...options]}
      filterOption={filterByLabel}
      data-testid="award-subject"
    />
  );
}

export function AwardModal({ year, award, onClose }: { year: number; award?: Award; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateAward();
  const update = useUpdateAward();
  const { errors, run } = useDialogSave(form, { fields: FIELDS }, onClose);
  const subjectKind = Form.useWatch('subjectKind', form) ?? award?.subjectKind ?? 'project';
  const initial: Values = award
    ? { subjectKind: award.subjectKind, subjectId: Number(award.subjectId), kind: award.kind, title: award.title, detail: award.detail, docNo: award.docNo, decidedOn: award.decidedOn }
    : { subjectKind: 'project', subjectId: null, kind: 'reward', title: '', detail: null, docNo: null, decidedOn: null };

  const submit = (v: Values) => run(async () => {
    const fields: AwardFields = { kind: v.kind, title: v.title.trim(), detail: v.detail?.trim() || null, docNo: v.docNo?.trim() || null, decidedOn: v.decidedOn! };
    if (award) {
      const before: AwardFields = { kind: award.kind, title: award.title, detail: award.detail, docNo: award.docNo, decidedOn: award.decidedOn };
      await update.mutateAsync({ id: award.id, version: award.version, ...changedValues(before, fields) });
    } else {
      await create.mutateAsync({ year, subjectKind: v.subjectKind, subjectId: v.subjectId!, ...fields });
    }
    message.success(award ? '奖惩记录已修改' : '奖惩记录已添加');
    onClose();
  });

  return (
    <SaveDialog title={award ? `修改${award.year}年度奖惩` : `添加${year}年度奖惩`} testId="award" width={600} saving={create.isPending || update.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed: Partial<Values>) => {
          // Another kind of subject is another list: the picked one no longer belongs.
          if (changed.subjectKind) form.setFieldValue('subjectId', null);
        }}
        onFinish={(v) => void submit(v)}
      >
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 12 }}>
          <Form.Item name="subjectKind" label="考核对象类别" rules={[{ required: true, message: '请选择考核对象类别' }]}>
            <Select disabled={!!award} options={AWARD_SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_LABEL[k] }))} data-testid="award-subject-kind" />
          </Form.Item>
          <Form.Item name="kind" label="奖惩" rules={[{ required: true, message: '请选择奖励或惩罚' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="award-kind"
              options={(['reward', 'penalty'] as const).map((k) => ({ value: k, label: AWARD_KIND_LABEL[k] }))} />
          </Form.Item>
        </div>
        <Form.Item name="subjectId" label={SUBJECT_LABEL[subjectKind]} rules={[{ required: true, message: `请选择${SUBJECT_LABEL[subjectKind]}` }]}
          extra={award ? '考核对象登记后不能更改；如选错，请删除后重新添加' : undefined}>
          <SubjectPicker kind={subjectKind} disabled={!!award} currentLabel={award?.subjectKind === subjectKind ? award.subjectName : null} />
        </Form.Item>
        <Form.Item name="title" label="奖惩事项" rules={[{ required: true, whitespace: true, message: '请填写奖惩事项' }, { max: 100, message: '不能超过 100 个字' }]}>
          <Input placeholder="如：评为年度重点项目建设先进单位 / 通报批评" data-testid="award-title" />
        </Form.Item>
        <Form.Item name="detail" label="具体内容" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea rows={3} placeholder="选填：奖惩的理由和内容" data-testid="award-detail" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 12 }}>
          <Form.Item name="docNo" label="文号" rules={[{ max: 50, message: '不能超过 50 个字' }]}>
            <Input placeholder="如：X重项办〔2026〕8号" data-testid="award-doc-no" />
          </Form.Item>
          <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}>
            <DateInput data-testid="award-date" />
          </Form.Item>
        </div>
      </Form>
    </SaveDialog>
  );
}
