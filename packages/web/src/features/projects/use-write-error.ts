import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../app/api-client';
import { applyServerErrors, type ServerErrorTargets } from '../../components/form-errors';
import { projectKey } from './api';

/**
 * Handling of a failed write on a project's sub-record (plan, node, approval): a stale version
 * reloads the project and says so; field errors go next to their inputs; the rest is returned.
 */
export function useWriteError(projectId: number) {
  const { modal } = App.useApp();
  const client = useQueryClient();
  return useCallback(
    (error: unknown, form?: FormInstance, targets?: ServerErrorTargets): string[] => {
      if (isApiError(error, 'version_conflict')) {
        void client.invalidateQueries({ queryKey: projectKey(projectId) });
        modal.warning({
          title: '该记录已被他人修改',
          content: `${error.message}。页面已载入最新内容，请核对后重新操作。`,
          okText: '知道了',
        });
        return [];
      }
      if (form) return applyServerErrors(form, error, targets);
      return [error instanceof Error ? error.message : '操作失败，请稍后重试'];
    },
    [client, modal, projectId],
  );
}
