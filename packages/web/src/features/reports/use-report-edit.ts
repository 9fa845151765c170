import { useEffect, useState } from 'react';
import { App, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { submissionProblems, type SubmissionProblem } from '@tuijin/core';
import { ApiError, isApiError, type FieldIssue } from '../../app/api-client';
import { changedValues } from '../../components/changed-values';
import { applyServerErrors } from '../../components/form-errors';
import { periodLabel } from '../periods/period-format';
import { onReportSaved, useReportAction, useSaveReport } from './api';
import { useMe } from '../../app/auth';
import { clearDraft, readDraft } from './report-draft';
import { changedFields, REPORT_FIELDS, toFields, toFormValues, type ReportFields, type ReportFormValues } from './report-values';
import type { ReportDetail } from './types';
import { useDraftAutosave } from './use-draft-autosave';

export interface ReportConflict {
  /** The report as it was when editing began. */
  base: ReportDetail;
  /** What the person changed. */
  mine: Partial<ReportFields>;
  /** The report as the server holds it now. */
  current: ReportDetail;
  /** 'draft': unsaved values kept in this browser were typed on an older version. */
  source: 'save' | 'draft';
  /** The values "mine" comes from, when they are not the form's (a draft). */
  mineValues?: ReportFormValues;
}

/**
 * Editing a report. The version the person started from travels with each save, so a save
 * after someone else's gets 409 and the person chooses; 报送 saves first when anything changed.
 * Unsaved values are kept in this browser and offered back on the next opening: restored as
 * they were on the same version, or through the conflict dialog on a newer one.
 */
export function useReportEdit(report: ReportDetail) {
  const [form] = Form.useForm<ReportFormValues>();
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useSaveReport(report.id);
  const action = useReportAction(report.id);
  const [base, setBase] = useState(report);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [conflict, setConflict] = useState<ReportConflict | null>(null);
  const [stored] = useState(() => readDraft(report.id, me.id));
  const [isDraftChecked, setDraftChecked] = useState(stored == null);
  const [isDraftRestored, setDraftRestored] = useState(false);
  const values = Form.useWatch((all: ReportFormValues) => all, { form, preserve: true });
  const changes = values ? changedFields(base, values) : {};
  const isDirty = Object.keys(changes).length > 0;
  useDraftAutosave({ reportId: report.id, userId: me.id, base, values, isDirty, isPaused: !isDraftChecked || conflict?.source === 'draft' });

  // Once, on opening: a draft left on this version is put back; one from an older version is
  // never laid over the newer content silently, but offered as "mine" beside it.
  useEffect(() => {
    if (!stored) return;
    setDraftChecked(true);
    const mine = changedValues(stored.base, toFields(stored.values));
    if (!Object.keys(mine).length) {
      clearDraft(report.id);
    } else if (stored.version === report.version) {
      form.setFieldsValue(stored.values);
      setDraftRestored(true);
    } else {
      setConflict({ base: { ...report, ...stored.base }, mine, current: report, source: 'draft', mineValues: stored.values });
    }
  }, []); // the draft is looked at when the form opens, not again

  const fail = (error: unknown, mine: Partial<ReportFields>) => {
    if (isApiError(error, 'version_conflict')) {
      const current = (error.details as { current?: ReportDetail } | null)?.current;
      if (current && typeof current === 'object' && 'version' in current) {
        setConflict({ base, mine, current, source: 'save' });
        return;
      }
    }
    const rest = applyServerErrors(form, error, { fields: REPORT_FIELDS as string[], lists: ['funds', 'nodesMet', 'problems'] });
    const fieldIssues = isApiError(error) ? error.fieldIssues : [];
    setIssues(fieldIssues.length ? fieldIssues : rest.map((m) => ({ field: '', message: m })));
  };

  /** Saves what changed; the saved report, or null when it did not go through. */
  const saveDraft = async (quiet = false): Promise<ReportDetail | null> => {
    setIssues([]);
    try {
      await form.validateFields();
    } catch {
      message.error('请先改正标红的内容');
      return null;
    }
    const mine = changedFields(base, form.getFieldsValue(true) as ReportFormValues);
    if (!Object.keys(mine).length) {
      if (!quiet) message.info('内容没有变化，无需保存');
      return base;
    }
    try {
      const saved = await save.mutateAsync({ ...mine, version: base.version });
      setBase(saved);
      clearDraft(report.id);
      setDraftRestored(false);
      if (!quiet) message.success('草稿已保存');
      return saved;
    } catch (error) {
      fail(error, mine);
      return null;
    }
  };

  /**
   * What would stop 报送, by the rules the server applies (core's submissionProblems), shown
   * on the form at once instead of after a confirmation: the problems (the first to go to), or
   * none when the report may go.
   */
  const checkSubmit = async (photoCount: number): Promise<SubmissionProblem[]> => {
    setIssues([]);
    try {
      await form.validateFields();
    } catch (error) {
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name;
      if (first) form.scrollToField(first, { block: 'center' });
      message.error('请先改正标红的内容');
      return [{ field: first?.join('.') ?? '', message: '请先改正标红的内容' }];
    }
    const f = toFields(form.getFieldsValue(true) as ReportFormValues);
    const { problems } = submissionProblems(
      { thisMonth: f.thisMonth ?? null, ytd: f.ytd ?? null, cumulative: f.cumulative ?? null, explanation: f.explanation ?? null, progress: f.progress ?? null, noChange: Boolean(f.noChange), noChangeReason: f.noChangeReason ?? null },
      { previous: base.previous, totalInvestment: base.project.totalInvestment, photoCount, minPhotos: base.settings.minPhotos },
    );
    if (problems.length) fail(new ApiError(422, 'validation_failed', problems[0]!.message, problems), {});
    return problems;
  };

  const submit = async () => {
    const saved = await saveDraft(true);
    if (!saved) return;
    try {
      const sent = await action.mutateAsync({ action: 'submit', version: saved.version });
      setIssues([]);
      clearDraft(report.id);
      message.success(`${sent.projectName} ${periodLabel(sent.period)}月报已报送`);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (error) {
      fail(error, {});
    }
  };

  /** Continue from the server's report, keeping the person's own changes when asked. */
  const resolveConflict = (keepMine: boolean) => {
    if (!conflict) return;
    const { current } = conflict;
    const mineValues = keepMine ? (conflict.mineValues ?? (form.getFieldsValue(true) as ReportFormValues)) : null;
    if (!keepMine) clearDraft(report.id);
    setBase(current);
    setConflict(null);
    setIssues([]);
    setDraftRestored(keepMine && conflict.source === 'draft');
    form.resetFields();
    const next = toFormValues(current);
    if (mineValues) for (const key of Object.keys(conflict.mine) as (keyof ReportFormValues)[]) Object.assign(next, { [key]: mineValues[key] });
    form.setFieldsValue(next);
    onReportSaved(client, current);
    message.info(keepMine ? `已载入最新内容并保留您${conflict.source === 'draft' ? '上次未保存' : ''}的修改，请核对后再次保存` : '已载入最新内容');
  };

  /** 放弃: back to the saved report, the kept draft thrown away. */
  const discardDraft = () => {
    clearDraft(report.id);
    setDraftRestored(false);
    setIssues([]);
    form.resetFields();
    form.setFieldsValue(toFormValues(base));
  };

  return {
    form, base, values, isDirty, issues, conflict, isDraftRestored,
    isSaving: save.isPending, isSubmitting: action.isPending,
    saveDraft: () => void saveDraft(), submit: () => void submit(), checkSubmit, discardDraft,
    resolveConflict, dismissConflict: () => setConflict(null), clearIssues: () => setIssues([]),
  };
}
