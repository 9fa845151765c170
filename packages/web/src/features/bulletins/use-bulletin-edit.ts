import { useEffect, useState } from 'react';
import { App, Form } from 'antd';
import type { BulletinPhoto, BulletinView } from '@tuijin/core';
import { api, isApiError } from '../../app/api-client';
import { applyServerErrors } from '../../components/form-errors';
import { useLeaveGuard } from '../../components/use-leave-guard';
import { useSaveBulletin } from './api';
import { changesOf, mergeMine, toValues, type BulletinValues } from './bulletin-values';

/** Form fields a server message can sit under; photo captions have no box of their own, so theirs go above. */
const FORM_FIELDS = ['title', 'docNo', 'issuer', 'issuedOn', 'sections'];

export interface BulletinConflict {
  /** The bulletin as the server holds it now. */
  latest: BulletinView;
}

/**
 * Editing a draft bulletin: the version the office started from travels with each save, so a
 * save after someone else's gets 409 and the person chooses (keep their changes over the latest,
 * or take the latest). Leaving with unsaved changes asks first.
 */
export function useBulletinEdit(view: BulletinView, options: { isGone?: boolean } = {}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BulletinValues>();
  const save = useSaveBulletin(view.id);
  const [base, setBase] = useState(view);
  const [photos, setPhotos] = useState<BulletinPhoto[]>(view.photos);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<BulletinConflict | null>(null);
  const watched = Form.useWatch((all: BulletinValues) => all, { form, preserve: true }) as BulletinValues | undefined;
  const values = watched?.sections ? watched : toValues(base);
  const changes = changesOf(base, values, photos);
  const isDirty = view.canEdit && changes != null;
  // A deleted draft has nothing left to lose.
  useLeaveGuard(isDirty && !options.isGone, '通报有尚未保存的修改，离开后将会丢失。');

  const load = (next: BulletinView, laid?: { values: BulletinValues; photos: BulletinPhoto[] }) => {
    setBase(next);
    form.resetFields();
    form.setFieldsValue(laid?.values ?? toValues(next));
    setPhotos(laid?.photos ?? next.photos);
  };

  // The bulletin changed on the server (regenerated, published, saved in another tab): with
  // nothing typed here it is simply shown; typing in progress is kept for the next save to settle.
  useEffect(() => {
    if (view.version === base.version && view.status === base.status) return;
    if (!isDirty || view.status !== 'draft') load(view);
  }, [view.version, view.status]); // the server's copy moving is what matters here

  const fail = async (error: unknown) => {
    if (isApiError(error, 'version_conflict')) {
      const sent = (error.details as { current?: BulletinView } | null)?.current;
      const latest = sent && typeof sent === 'object' && 'sections' in sent ? sent : await api.get<BulletinView>(`/bulletins/${view.id}`).catch(() => null);
      if (latest) {
        setConflict({ latest });
        return;
      }
    }
    setProblems(applyServerErrors(form, error, { fields: FORM_FIELDS, lists: ['sections'] }));
  };

  /** Saves what changed; true when the bulletin on the server now holds it. */
  const submit = async (): Promise<boolean> => {
    setProblems([]);
    try {
      await form.validateFields();
    } catch {
      message.error('请先改正标红的内容');
      return false;
    }
    const body = changesOf(base, form.getFieldsValue(true) as BulletinValues, photos);
    if (!body) {
      message.info('内容没有变化，无需保存');
      return true;
    }
    try {
      const saved = await save.mutateAsync({ ...body, version: base.version });
      load(saved);
      message.success('通报已保存');
      return true;
    } catch (error) {
      await fail(error);
      return false;
    }
  };

  /** After a stale save: go on from the latest, with or without this person's changes laid over it. */
  const resolveConflict = (keepMine: boolean) => {
    if (!conflict) return;
    const { latest } = conflict;
    const isEditable = latest.canEdit && latest.status === 'draft';
    load(latest, keepMine && isEditable ? mergeMine(latest, base, form.getFieldsValue(true) as BulletinValues, photos) : undefined);
    setConflict(null);
    setProblems([]);
    message.info(keepMine && isEditable ? '已载入最新内容并保留您的修改，请核对后再次保存' : '已载入最新内容');
  };

  return {
    form, base, values, photos, setPhotos, isDirty, problems, conflict,
    isSaving: save.isPending,
    save: submit,
    load,
    resolveConflict,
    dismissConflict: () => setConflict(null),
  };
}

export type BulletinEdit = ReturnType<typeof useBulletinEdit>;
