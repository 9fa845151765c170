import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Result, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ADMIN_ROLES, ROLES, type Role } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { dateTime, text } from '../../components/format';
import { useResetPassword, useUsers, type User } from './api';
import { OneTimePasswordModal } from './one-time-password';
import { UserFormModal } from './user-form-modal';

/** 用户管理: accounts, roles and scopes; passwords are never shown except once, when set. */
export function UserListPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { data, error, isFetching } = useUsers();
  const reset = useResetPassword();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [q, setQ] = useState('');

  if (!me.can.manageUsers) return <Result status="403" title="无权访问" subTitle="当前账号无权管理用户。" />;

  const handleReset = async (user: User) => {
    try {
      const { password } = await reset.mutateAsync(user.id);
      setShown({ username: user.username, password });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const needle = q.trim().toLowerCase();
  const rows = (data?.items ?? []).filter((u) => !needle || u.username.toLowerCase().includes(needle) || u.displayName.includes(q.trim()));

  return (
    <div className="page-card" data-testid="user-list-page">
      <div className="page-title">
        <h1>用户管理</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">新增用户</Button>
      </div>
      <Input.Search allowClear placeholder="用户名或姓名" style={{ width: 240, marginBottom: 12 }} onChange={(e) => setQ(e.target.value)} data-testid="user-search" />
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<User>
        size="small"
        bordered
        rowKey="id"
        loading={isFetching}
        dataSource={rows}
        data-testid="user-table"
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: ['20', '50', '100', '200'], showTotal: (t) => `共 ${t} 个用户` }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140, render: (v: string) => <span className="num">{v}</span> },
          { title: '姓名', dataIndex: 'displayName', width: 110 },
          {
            title: '角色', dataIndex: 'role', width: 140,
            render: (r: Role) => <Tag color={ADMIN_ROLES.includes(r) ? 'volcano' : 'blue'} bordered={false}>{ROLES.label[r] ?? r}</Tag>,
          },
          { title: '所属地区', dataIndex: 'regionName', width: 110, render: (v: string | null) => text(v) },
          { title: '所属单位', dataIndex: 'orgName', width: 200, render: (v: string | null) => text(v) },
          { title: '状态', dataIndex: 'disabled', width: 80, render: (d: boolean) => (d ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>) },
          { title: '最后登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => <span className="num">{v ? dateTime(v) : '从未登录'}</span> },
          {
            title: '操作', key: 'op', width: 170, fixed: 'right',
            render: (_v, user) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(user)}>编辑</Button>
                <Popconfirm
                  title={`重置「${user.displayName}」的密码？`}
                  description="将生成新的一次性密码，用户须用它登录并立即修改。"
                  okText="重置"
                  cancelText="取消"
                  onConfirm={() => void handleReset(user)}
                >
                  <Button type="link" size="small" disabled={user.id === me.id} data-testid={`user-reset-${user.username}`}>重置密码</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(username, password) => { message.success(`已新增用户 ${username}`); setShown({ username, password }); }}
        />
      )}
      <OneTimePasswordModal username={shown?.username ?? ''} password={shown?.password ?? null} onClose={() => setShown(null)} />
    </div>
  );
}
