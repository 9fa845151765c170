import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { ORG_KINDS, type OrgKind } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { dateTime, text } from '../../components/format';
import { useDeleteOrg, useOrgs, type Org } from './api';
import { OrgFormModal } from './org-form-modal';

const KIND_COLOR: Record<OrgKind, string> = { department: 'blue', company: 'green', bank: 'gold', township: 'purple' };
const KIND_TABS = [{ value: '', label: '全部' }, ...ORG_KINDS.options];

/** 组织: departments, companies, banks and townships/parks the projects refer to. */
export function OrgListPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [kind, setKind] = useState<OrgKind | ''>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const { data, error, isFetching } = useOrgs({ kind: kind || undefined, q: q || undefined, page: page.current, pageSize: page.size });
  const remove = useDeleteOrg();
  const canManage = me.can.manageOrgs;

  const handleDelete = async (org: Org) => {
    try {
      await remove.mutateAsync(org);
      message.success(`已删除「${org.name}」`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="page-card" data-testid="org-list-page">
      <div className="page-title">
        <h1>组织</h1>
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="org-create">新增单位</Button>}
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented options={KIND_TABS} value={kind} onChange={(v) => { setKind(v as OrgKind | ''); setPage((p) => ({ ...p, current: 1 })); }} data-testid="org-kind-filter" />
        <Input.Search
          allowClear
          placeholder="名称、简称或信用代码"
          prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
          style={{ width: 260 }}
          onSearch={(v) => { setQ(v.trim()); setPage((p) => ({ ...p, current: 1 })); }}
          data-testid="org-search"
        />
      </Space>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<Org>
        size="small"
        bordered
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        data-testid="org-table"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: q || kind ? '没有符合条件的单位' : '还没有单位，请先新增' }}
        pagination={{
          current: page.current, pageSize: page.size, total: data?.total ?? 0, showSizeChanger: true,
          pageSizeOptions: ['20', '50', '100', '200'], showTotal: (t) => `共 ${t} 个单位`,
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
        columns={[
          { title: '单位名称', dataIndex: 'name', width: 260, fixed: 'left' },
          { title: '简称', dataIndex: 'shortName', width: 120, render: (v: string | null) => text(v) },
          { title: '类型', dataIndex: 'kind', width: 130, render: (k: OrgKind) => <Tag color={KIND_COLOR[k]} bordered={false}>{ORG_KINDS.label[k] ?? k}</Tag> },
          { title: '所属地区', dataIndex: 'regionName', width: 120, render: (v: string | null) => text(v) },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => <span className="num">{text(v)}</span> },
          { title: '地址', dataIndex: 'address', width: 220, render: (v: string | null) => text(v) },
          { title: '联系人', dataIndex: 'contactName', width: 90, render: (v: string | null) => text(v) },
          { title: '联系电话', dataIndex: 'contactPhone', width: 130, render: (v: string | null) => <span className="num">{text(v)}</span> },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => <span className="num">{dateTime(v)}</span> },
          ...(canManage
            ? [{
                title: '操作', key: 'op', width: 110, fixed: 'right' as const,
                render: (_v: unknown, org: Org) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(org)}>编辑</Button>
                    <Popconfirm title={`删除「${org.name}」？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void handleDelete(org)}>
                      <Button type="link" size="small" danger>删除</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && <OrgFormModal org={editing === 'new' ? null : editing} defaultKind={kind || undefined} onClose={() => setEditing(null)} />}
    </div>
  );
}
