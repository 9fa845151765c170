import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { compareBooksAndSite, INSPECTION_RATING_LABEL, PROGRESS_VERDICT_LABEL, STAGE_OPTIONS, type InspectionRating, type ProgressVerdict } from '@tuijin/core';
import { isApiError } from '../../app/api-client';
import { DateInput } from '../../components/date-input';
import { applyServerErrors } from '../../components/form-errors';
import { MoneyInput } from '../../components/money-input';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { FormSection } from '../reports/form-section';
import { useUploadQueue } from '../reports/use-upload-queue';
import { findingUploadPath, sheetKey, useSaveFinding, type FindingSheet } from './api';
import { BooksCard } from './finding-books';
import { BooksAheadBanner, ComparisonTable } from './finding-comparison';
import { DemandsEditor } from './finding-demands';
import { FindingPhotos } from './finding-photos';
import { FINDING_FIELDS, observationOf, toBody, toValues, type FindingValues } from './finding-values';

const VERDICTS = (Object.keys(PROGRESS_VERDICT_LABEL) as ProgressVerdict[]).map((v) => ({ value: v, label: PROGRESS_VERDICT_LABEL[v] }));
const RATINGS = (Object.keys(INSPECTION_RATING_LABEL) as InspectionRating[]).map((v) => ({ value: v, label: INSPECTION_RATING_LABEL[v] }));

export function FindingForm({ sheet }: { sheet: FindingSheet }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FindingValues>();
  const save = useSaveFinding(sheet.inspection.id, sheet.project.id);
  const [isDirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const finding = sheet.finding;
  const canEdit = sheet.canEdit;
  const reload = () => void client.invalidateQueries({ queryKey: sheetKey(sheet.inspection.id, sheet.project.id) });
  const queue = useUploadQueue(finding ? findingUploadPath(finding.id) : '', sheet.settings, reload);
  useLeaveGuard((isDirty && canEdit) || queue.hasPending, queue.hasPending ? '还有照片正在上传，离开后将中断上传。' : '检查记录尚未保存，离开后将会丢失。');

  // The comparison follows what is typed: each watched field redraws it.
  const watched = {
    visitedOn: Form.useWatch('visitedOn', form), observedProgress: Form.useWatch('observedProgress', form), progressVerdict: Form.useWatch('progressVerdict', form),
    observedStage: Form.useWatch('observedStage', form), nodesMet: Form.useWatch('nodesMet', form), investmentEstimate: Form.useWatch('investmentEstimate', form),
  };
  const initial = useMemo(() => toValues(sheet), [sheet]);
  // A few rows, computed afresh on every keystroke; a finished record shows what was saved.
  const typed = Object.fromEntries(Object.entries(watched).filter(([, v]) => v !== undefined)) as Partial<FindingValues>;
  const rows = !canEdit && finding ? finding.comparison : compareBooksAndSite(sheet.books, observationOf({ ...initial, ...typed }, sheet.today));

  const submit = async () => {
    setProblems([]);
    let values: FindingValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await save.mutateAsync(toBody(values, finding?.version ?? null));
      setDirty(false);
      message.success(finding ? '检查记录已保存' : '检查记录已保存，可以上传现场照片了');
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        modal.warning({ title: '检查记录已被他人修改', content: '页面将载入最新内容；您刚才填写的内容未保存，请核对后重新填写。', okText: '载入最新内容', onOk: () => { setDirty(false); reload(); } });
        return;
      }
      setProblems(applyServerErrors(form, error, { fields: FINDING_FIELDS, lists: ['demands', 'nodesMet'] }));
    }
  };

  const nodeOptions = sheet.books.nodes.map((n) => ({ value: n.id, label: <span data-testid="finding-node">{n.name}<Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.reportedMetOn ? `（账面已完成）` : `（计划 ${n.plannedDate}）`}</Typography.Text></span> }));

  return (
    <Form form={form} layout="vertical" initialValues={initial} disabled={!canEdit} className="report-form" data-testid="finding-form" onValuesChange={() => setDirty(true)}>
      <FormSection title="账面：最新月报和台账" testId="finding-section-books"><BooksCard sheet={sheet} /></FormSection>

      <FormSection title="地面：现场检查情况" testId="finding-section-site">
        <Form.Item name="visitedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
          <DateInput maxDate={sheet.today} data-testid="finding-visited-on" />
        </Form.Item>
        <Form.Item name="observedProgress" label="现场形象进度" rules={[{ max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} placeholder="现场实际看到的建设情况，如：主体结构施工至五层，尚未封顶" data-testid="finding-progress" />
        </Form.Item>
        <Form.Item name="progressVerdict" label="与月报所述形象进度相比">
          <Radio.Group options={VERDICTS} optionType="button" buttonStyle="solid" className="finding-choice" data-testid="finding-verdict" />
        </Form.Item>
        <Form.Item name="observedStage" label="现场所处阶段">
          <Select options={STAGE_OPTIONS} placeholder="选择阶段" data-testid="finding-stage" />
        </Form.Item>
        <Form.Item name="nodesMet" label="现场已完成的关键节点" extra={nodeOptions.length && !finding ? '已按账面勾选；现场未完成的请取消勾选' : undefined}>
          {nodeOptions.length ? <Checkbox.Group options={nodeOptions} className="finding-nodes" data-testid="finding-nodes" /> : <Typography.Text type="secondary">台账未设关键节点</Typography.Text>}
        </Form.Item>
        <Form.Item name="investmentEstimate" label="现场估算开工以来累计完成投资" extra="按现场实物工作量估算，可不填" rules={[{ validator: async (_r, v: number | null) => { if (v != null && (Number.isNaN(v) || v < 0)) throw new Error('请填写有效金额（万元）'); } }]}>
          <MoneyInput data-testid="finding-estimate" />
        </Form.Item>
      </FormSection>

      <FormSection title="账面地面对照" testId="finding-section-comparison">
        <BooksAheadBanner rows={rows} />
        <ComparisonTable rows={rows} />
      </FormSection>

      <FormSection title="评价和整改要求" testId="finding-section-rating">
        <Form.Item name="rating" label="检查评价" extra="完成检查前，每个项目都要评价">
          <Radio.Group options={RATINGS} optionType="button" buttonStyle="solid" className="finding-choice" data-testid="finding-rating" />
        </Form.Item>
        <Form.Item label="整改要求" required={false}>
          <DemandsEditor form={form} canEdit={canEdit} today={sheet.today} />
        </Form.Item>
        <Form.Item name="note" label="其他情况">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} placeholder="如：现场施工人员约 40 人，塔吊 2 台" data-testid="finding-note" />
        </Form.Item>
      </FormSection>

      <FormSection title="现场照片" testId="finding-section-photos" extra={finding ? <Typography.Text type="secondary">{finding.media.length} 张</Typography.Text> : null}>
        <FindingPhotos media={finding?.media ?? []} queue={finding ? queue : null} canEdit={canEdit} hasFinding={finding != null} limits={sheet.settings} onChanged={reload} />
      </FormSection>

      {problems.length > 0 && <Alert type="error" showIcon message={problems.join('；')} className="report-issues" data-testid="finding-errors" />}
      {canEdit && (
        <div className="report-action-bar">
          <Typography.Text type="secondary" className="report-action-state">{isDirty ? '有未保存的修改' : finding ? `已保存（第 ${finding.version} 版）` : '尚未保存'}</Typography.Text>
          <Button type="primary" size="large" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void submit()} disabled={false} data-testid="finding-save">保存检查记录</Button>
        </div>
      )}
    </Form>
  );
}
