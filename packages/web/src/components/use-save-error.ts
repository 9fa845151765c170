import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { isApiError } from '../app/api-client';
import { applyServerErrors, type ServerErrorTargets } from './form-errors';

/**
 * For the management dialogs: a stale version (409) is explained and the dialog closes so the
 * list reloads; validation messages go to their fields; anything else is returned for an Alert.
 */
export function useSaveError(onConflict: () => void) {
  const { modal } = App.useApp();
  return useCallback(
    (error: unknown, form: FormInstance, targets?: ServerErrorTargets): string[] => {
      if (isApiError(error, 'version_conflict')) {
        modal.warning({ title: '该记录已被他人修改', content: `${error.message}。列表已刷新，请重新打开后再修改。`, okText: '知道了' });
        onConflict();
        return [];
      }
      return applyServerErrors(form, error, targets);
    },
    [modal, onConflict],
  );
}
