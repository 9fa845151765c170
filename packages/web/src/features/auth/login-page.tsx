import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../app/api-client';
import { ME_KEY } from '../../app/query-client';
import { useMeQuery, type Me } from '../../app/auth';

interface Values {
  username: string;
  password: string;
}

/** Only paths inside this app: `next` comes from the URL, so never follow it off-site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: me } = useMeQuery();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (values: Values) => api.post<{ user: Me }>('/auth/login', values),
    onSuccess: ({ user }) => {
      client.setQueryData(ME_KEY, user);
      navigate(next, { replace: true });
    },
    onError: (e) => {
      setError(errorMessage(e));
      form.setFieldValue('password', '');
    },
  });

  if (me) return <Navigate to={next} replace />;

  return (
    <div style={styles.page}>
      <div style={styles.card}>
        <div style={{ textAlign: 'center', marginBottom: 28 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px', letterSpacing: 1 }} data-testid="login-title">
            推进 · 重点项目推进系统
          </Typography.Title>
          <Typography.Text type="secondary">重点项目台账 · 月报调度 · 督导考核</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(values) => { setError(null); login.mutate(values); }}
          onValuesChange={() => error && setError(null)}
          data-testid="login-form"
        >
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined style={{ color: '#bfbfbf' }} />} placeholder="用户名" autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined style={{ color: '#bfbfbf' }} />} placeholder="密码" autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            登 录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 24, marginBottom: 0, textAlign: 'center' }}>
          多次输错密码，账号将被临时锁定。忘记密码请联系系统管理员重置。
        </Typography.Paragraph>
      </div>
      <div style={styles.footer}>重点项目推进办公室 · 建议使用最新版 Chrome、Edge 或 360 浏览器（极速模式）</div>
    </div>
  );
}

const styles = {
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column' as const,
    alignItems: 'center',
    justifyContent: 'center',
    background: 'linear-gradient(160deg, #0f2a4a 0%, #1d5fbf 55%, #3f8ae0 100%)',
    padding: 16,
  },
  card: {
    width: '100%',
    maxWidth: 400,
    background: '#fff',
    borderRadius: 8,
    padding: '36px 36px 28px',
    boxShadow: '0 12px 40px rgba(0, 20, 60, 0.35)',
  },
  footer: { color: 'rgba(255,255,255,0.75)', fontSize: 12, marginTop: 24, textAlign: 'center' as const },
};
