import { useMemo, useState } from 'react';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { REGION_LEVELS, type RegionLevel } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { buildRegionTree, useRegions, type Region, type RegionNode } from './api';
import { RegionFormModal } from './region-form-modal';

const LEVEL_COLOR: Record<RegionLevel, string> = { country: 'magenta', province: 'red', city: 'orange', county: 'blue' };

type Editing = { region: Region | null; parent: Region | null };

/** 地区: the province › city › county tree this deployment covers. */
export function RegionListPage() {
  const me = useMe();
  const { data, error, isPending } = useRegions();
  const [editing, setEditing] = useState<Editing | null>(null);
  const tree = useMemo(() => buildRegionTree(data?.items ?? []), [data]);
  const canManage = me.can.manageRegions;

  return (
    <div className="page-card" data-testid="region-list-page">
      <div className="page-title">
        <h1>地区</h1>
        {canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ region: null, parent: null })}>添加地区</Button>}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<RegionNode>
        size="small"
        bordered
        rowKey="code"
        loading={isPending}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={tree.length}
        data-testid="region-table"
        locale={{ emptyText: '暂无地区' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '行政区划代码', dataIndex: 'code', width: 160, render: (v: string) => <span className="num">{v}</span> },
          { title: '级别', dataIndex: 'level', width: 140, render: (l: RegionLevel) => <Tag color={LEVEL_COLOR[l]} bordered={false}>{REGION_LEVELS.label[l] ?? l}</Tag> },
          ...(canManage
            ? [{
                title: '操作', key: 'op', width: 180,
                render: (_v: unknown, r: RegionNode) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing({ region: r, parent: null })}>重命名</Button>
                    {r.level !== 'county' && <Button type="link" size="small" onClick={() => setEditing({ region: null, parent: r })}>添加下级</Button>}
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && <RegionFormModal region={editing.region} parent={editing.parent} onClose={() => setEditing(null)} />}
    </div>
  );
}
