import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography, App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api-client';
import { ME_KEY } from '../../app/query-client';
import type { Me } from '../../app/auth';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function reasonsOf(error: unknown): string[] {
  if (!isApiError(error, 'password_rejected')) return [];
  const reasons = (error.details as { reasons?: unknown } | null)?.reasons;
  return Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
}

/**
 * Change one's own password. `forced` when the account must change it (first login after an
 * administrator set it, or expiry): the dialog cannot be dismissed until it is done.
 */
export function ChangePasswordDialog({ me, open, forced, onClose }: { me: Me; open: boolean; forced: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const change = useMutation({
    mutationFn: (v: Values) => api.post<{ ok: true }>('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      message.success('密码已修改');
      form.resetFields();
      setError(null);
      await client.invalidateQueries({ queryKey: ME_KEY });
      onClose();
    },
    onError: setError,
  });
  const reasons = reasonsOf(error);
  const reason = me.passwordExpired ? '您的密码已超过有效期，请设置新密码后继续使用。' : '首次登录或密码已被重置，请设置新密码后继续使用。';

  return (
    <Modal
      title="修改密码"
      open={open}
      okText="确认修改"
      cancelText="取消"
      closable={!forced}
      maskClosable={!forced}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={() => { if (!forced) onClose(); }}
      destroyOnHidden
      data-testid="change-password-dialog"
    >
      {forced && <Alert type="warning" showIcon message={reason} style={{ marginBottom: 16 }} />}
      {error != null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={reasons.length ? '新密码不符合要求：' : (error as Error).message}
          description={reasons.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{reasons.map((r) => <li key={r}>{r}</li>)}</ul> : undefined}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} requiredMark={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[{ required: true, message: '请输入新密码' }]}
          extra={<Typography.Text type="secondary">至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类，不能包含用户名。</Typography.Text>}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
