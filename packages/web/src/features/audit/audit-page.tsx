import { useState } from 'react';
import { Alert, Button, Input, Result, Space, Table, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { ROLES } from '@tuijin/core';
import { api, errorMessage, type ListResult } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { dateTime, text } from '../../components/format';

interface AuditEvent {
  id: number;
  at: string;
  username: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: string;
}

interface ChainReport {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

const ROLE_LABEL = ROLES.label as Record<string, string>;
const ACTION_LABEL: Record<string, string> = {
  login: '登录', logout: '退出', create: '新增', update: '修改', delete: '删除', change_stage: '变更阶段',
  change_password: '修改密码', reset_password: '重置密码', change_permission: '变更权限',
};
const OBJECT_LABEL: Record<string, string> = {
  project: '项目', annual_plan: '年度计划', approval: '前期手续', key_list: '重点级别', node: '关键节点',
  org: '单位', person: '人员', region: '地区', session: '会话', user: '用户',
};

/** 审计日志: the append-only, hash-chained trail; only the audit administrator reads it. */
export function AuditPage() {
  const me = useMe();
  const [page, setPage] = useState({ current: 1, size: 100 });
  const [username, setUsername] = useState('');
  const list = useQuery({
    queryKey: ['audit', page, username],
    queryFn: () => api.get<ListResult<AuditEvent>>('/audit', { page: page.current, pageSize: page.size, username: username || undefined }),
    placeholderData: keepPreviousData,
    enabled: me.can.readAudit,
  });
  const verify = useMutation({ mutationFn: () => api.get<ChainReport>('/audit/verify') });

  if (!me.can.readAudit) return <Result status="403" title="无权访问" subTitle="只有安全审计员可以查看审计日志。" />;

  return (
    <div className="page-card" data-testid="audit-page">
      <div className="page-title">
        <h1>审计日志</h1>
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">校验日志完整性</Button>
      </div>
      {verify.data && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          message={verify.data.ok
            ? `哈希链校验通过，共检查 ${verify.data.checked} 条记录，未发现篡改。`
            : `哈希链校验未通过：第 ${verify.data.brokenAt ?? '?'} 条记录起被修改或删除，请立即上报。`}
        />
      )}
      {verify.error && <Alert type="error" showIcon message={errorMessage(verify.error)} style={{ marginBottom: 12 }} />}
      {list.error && <Alert type="error" showIcon message={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="按用户名筛选" style={{ width: 220 }} onSearch={(v) => { setUsername(v.trim()); setPage((p) => ({ ...p, current: 1 })); }} />
      </Space>
      <Table<AuditEvent>
        size="small"
        bordered
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="audit-table"
        pagination={{
          current: page.current, pageSize: page.size, total: list.data?.total ?? 0, showSizeChanger: true,
          pageSizeOptions: ['50', '100', '200', '500'], showTotal: (t) => `共 ${t} 条`,
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
        columns={[
          { title: '序号', dataIndex: 'id', width: 80, render: (v: number) => <span className="num">{v}</span> },
          { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => <span className="num">{dateTime(v)}</span> },
          { title: '用户', dataIndex: 'username', width: 120, render: (v: string | null) => text(v) },
          { title: '角色', dataIndex: 'role', width: 120, render: (v: string | null) => (v ? ROLE_LABEL[v] ?? v : '—') },
          { title: 'IP 地址', dataIndex: 'ip', width: 130, render: (v: string | null) => <span className="num">{text(v)}</span> },
          { title: '操作', dataIndex: 'action', width: 110, render: (v: string) => ACTION_LABEL[v] ?? v },
          { title: '对象', key: 'object', width: 180, render: (_v, e) => `${OBJECT_LABEL[e.objectType] ?? e.objectType}${e.objectId ? ` #${e.objectId}` : ''}` },
          { title: '结果', dataIndex: 'result', width: 80, render: (v: string) => <Tag color={v === 'success' ? 'green' : 'red'}>{v === 'success' ? '成功' : '失败'}</Tag> },
        ]}
      />
    </div>
  );
}
