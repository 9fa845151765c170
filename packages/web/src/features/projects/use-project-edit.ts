import { useState } from 'react';
import { App, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api-client';
import { applyServerErrors } from '../../components/form-errors';
import { projectKey, useUpdateProject } from './api';
import type { ConflictState } from './conflict-modal';
import { changedFields, fieldsOf, fromFormValues, toFormValues, type ProjectFormValues, type ProjectSection } from './form-values';
import type { ProjectDetail } from './types';

/**
 * Editing one section of a project. The record is frozen when editing begins (`snapshot`):
 * the PATCH carries that version and only the fields the person changed, so a save after
 * someone else's gets 409 instead of silently undoing their work.
 */
export function useProjectEdit(snapshot: ProjectDetail, sections: readonly ProjectSection[], onSaved: () => void) {
  const [form] = Form.useForm<ProjectFormValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const update = useUpdateProject(snapshot.id);
  const [base, setBase] = useState(snapshot);
  const [errors, setErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [isReloading, setReloading] = useState(false);
  const fields = fieldsOf(sections);

  const save = async (values: ProjectFormValues) => {
    const before = fromFormValues(toFormValues(base), fields);
    const changes = changedFields(before, fromFormValues(values, fields));
    if (!Object.keys(changes).length) {
      message.info('内容没有变化，无需保存');
      onSaved();
      return;
    }
    setErrors([]);
    try {
      await update.mutateAsync({ ...changes, version: base.version });
      message.success('已保存');
      onSaved();
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        const current = (error.details as { current?: unknown } | null)?.current;
        setConflict({ base: before, mine: changes, current: typeof current === 'object' && current ? (current as Record<string, unknown>) : null, fields });
        return;
      }
      setErrors(applyServerErrors(form, error, { fields: [...fields, 'hasForeign'], lists: ['fundingSources'] }));
    }
  };

  /** Fetch the latest record and continue editing from it, optionally re-applying the person's changes. */
  const reload = async (keepMine: boolean) => {
    if (!conflict) return;
    setReloading(true);
    try {
      const latest = await client.fetchQuery({
        queryKey: projectKey(snapshot.id),
        queryFn: () => api.get<ProjectDetail>(`/projects/${snapshot.id}`),
        staleTime: 0,
      });
      setBase(latest);
      const fresh = toFormValues(latest);
      form.resetFields();
      // The outline is edited as text: carry the person's outline over in that form.
      const { sitePolygon, ...mine } = conflict.mine;
      const outline = sitePolygon === undefined ? {} : { sitePolygonText: (sitePolygon ?? []).map(([lng, lat]) => `${lng},${lat}`).join('\n') };
      form.setFieldsValue(keepMine ? { ...fresh, ...mine, ...outline, hasForeign: 'foreign' in mine ? mine.foreign != null : latest.foreign != null } : fresh);
      setConflict(null);
      message.info(keepMine ? '已载入最新内容并保留您的修改，请核对后再次保存' : '已载入最新内容');
    } catch (error) {
      message.error(isApiError(error) ? error.message : '载入最新内容失败，请刷新页面');
    } finally {
      setReloading(false);
    }
  };

  return {
    form,
    base,
    errors,
    conflict,
    isSaving: update.isPending,
    isReloading,
    save,
    reload,
    dismissConflict: () => setConflict(null),
  };
}
