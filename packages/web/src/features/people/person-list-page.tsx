import { useState } from 'react';
import { Alert, App, Button, Input, Popconfirm, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { text } from '../../components/format';
import { OrgSelect } from '../../components/ref-selects';
import { useDeletePerson, usePeople, type Person } from './api';
import { PersonFormModal } from './person-form-modal';

/** 人员: county leaders, responsible persons and contacts named on projects. */
export function PersonListPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<number | null>(null);
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const { data, error, isFetching } = usePeople({ q: q || undefined, orgId: orgId ?? undefined, page: page.current, pageSize: page.size });
  const remove = useDeletePerson();
  const canManage = me.can.manageOrgs;

  const handleDelete = async (person: Person) => {
    try {
      await remove.mutateAsync(person);
      message.success(`已删除「${person.name}」`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="page-card" data-testid="person-list-page">
      <div className="page-title">
        <h1>人员</h1>
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="person-create">新增人员</Button>}
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="姓名或职务" style={{ width: 240 }} onSearch={(v) => { setQ(v.trim()); setPage((p) => ({ ...p, current: 1 })); }} data-testid="person-search" />
        <OrgSelect placeholder="所属单位" value={orgId} onChange={(v) => { setOrgId(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 240 }} />
      </Space>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<Person>
        size="small"
        bordered
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        data-testid="person-table"
        locale={{ emptyText: q || orgId ? '没有符合条件的人员' : '还没有人员，请先新增' }}
        pagination={{
          current: page.current, pageSize: page.size, total: data?.total ?? 0, showSizeChanger: true,
          pageSizeOptions: ['20', '50', '100', '200'], showTotal: (t) => `共 ${t} 人`,
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '职务', dataIndex: 'title', width: 220, render: (v: string | null) => text(v) },
          { title: '电话', dataIndex: 'phone', width: 140, render: (v: string | null) => <span className="num">{text(v)}</span> },
          { title: '所属单位', dataIndex: 'orgName', render: (v: string | null) => text(v) },
          ...(canManage
            ? [{
                title: '操作', key: 'op', width: 110,
                render: (_v: unknown, person: Person) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(person)}>编辑</Button>
                    <Popconfirm title={`删除「${person.name}」？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void handleDelete(person)}>
                      <Button type="link" size="small" danger>删除</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && <PersonFormModal person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
