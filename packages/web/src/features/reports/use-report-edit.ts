import { useState } from 'react';
import { App, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError, type FieldIssue } from '../../app/api-client';
import { applyServerErrors } from '../../components/form-errors';
import { onReportSaved, useReportAction, useSaveReport } from './api';
import { changedFields, REPORT_FIELDS, toFormValues, type ReportFields, type ReportFormValues } from './report-values';
import type { ReportDetail } from './types';

export interface ReportConflict {
  /** The report as it was when editing began. */
  base: ReportDetail;
  /** What the person changed. */
  mine: Partial<ReportFields>;
  /** The report as the server holds it now. */
  current: ReportDetail;
}

/**
 * Editing a report. The version the person started from travels with each save, so a save
 * after someone else's gets 409 and the person chooses; 报送 saves first when anything changed.
 */
export function useReportEdit(report: ReportDetail) {
  const [form] = Form.useForm<ReportFormValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useSaveReport(report.id);
  const action = useReportAction(report.id);
  const [base, setBase] = useState(report);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [conflict, setConflict] = useState<ReportConflict | null>(null);
  const values = Form.useWatch((all: ReportFormValues) => all, { form, preserve: true });
  const changes = values ? changedFields(base, values) : {};
  const isDirty = Object.keys(changes).length > 0;

  const fail = (error: unknown, mine: Partial<ReportFields>) => {
    if (isApiError(error, 'version_conflict')) {
      const current = (error.details as { current?: ReportDetail } | null)?.current;
      if (current && typeof current === 'object' && 'version' in current) {
        setConflict({ base, mine, current });
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
      if (!quiet) message.success('草稿已保存');
      return saved;
    } catch (error) {
      fail(error, mine);
      return null;
    }
  };

  const submit = async () => {
    const saved = await saveDraft(true);
    if (!saved) return;
    try {
      const sent = await action.mutateAsync({ action: 'submit', version: saved.version });
      setIssues([]);
      message.success(`${sent.projectName} ${sent.period} 月报已报送`);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (error) {
      fail(error, {});
    }
  };

  /** Continue from the server's report, keeping the person's own changes when asked. */
  const resolveConflict = (keepMine: boolean) => {
    if (!conflict) return;
    const { current } = conflict;
    const mineValues = keepMine ? (form.getFieldsValue(true) as ReportFormValues) : null;
    setBase(current);
    setConflict(null);
    setIssues([]);
    form.resetFields();
    const next = toFormValues(current);
    if (mineValues) for (const key of Object.keys(conflict.mine) as (keyof ReportFormValues)[]) Object.assign(next, { [key]: mineValues[key] });
    form.setFieldsValue(next);
    onReportSaved(client, current);
    message.info(keepMine ? '已载入最新内容并保留您的修改，请核对后再次保存' : '已载入最新内容');
  };

  return {
    form, base, values, isDirty, issues, conflict,
    isSaving: save.isPending, isSubmitting: action.isPending,
    saveDraft: () => void saveDraft(), submit: () => void submit(),
    resolveConflict, dismissConflict: () => setConflict(null), clearIssues: () => setIssues([]),
  };
}
