import { useState } from 'react';
import { Button, Checkbox, Grid, Segmented, Select, Space } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { OBSTACLE_KIND_LABEL, OBSTACLE_SOURCE_LABEL, OBSTACLE_STAGE_LABEL, OBSTACLE_STAGES } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { OrgSelect, PersonSelect } from '../../components/ref-selects';
import type { ObstacleParams } from './use-obstacle-params';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * The list's filters, each written to the URL as it changes. On a phone the rarer ones fold
 * under 更多筛选 (open when one is set); a department is not offered itself as 责任单位.
 */
export function ObstacleFilters({ params, update }: { params: ObstacleParams; update: (patch: Partial<ObstacleParams>) => void }) {
  const me = useMe();
  const isNarrow = Grid.useBreakpoint().md === false;
  const hasMore = params.kind != null || params.ownerOrgId != null || params.leaderId != null || params.source != null;
  const [isOpen, setOpen] = useState(hasMore);
  const showMore = !isNarrow || isOpen || hasMore;
  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 12 }} data-testid="obstacle-filters">
      <Segmented
        value={params.status ?? 'all'}
        onChange={(v) => update({ status: v === 'all' ? null : (v as ObstacleParams['status']) })}
        options={[{ value: 'open', label: '办理中' }, { value: 'resolved', label: '待销号' }, { value: 'closed', label: '已销号' }, { value: 'all', label: '全部' }]}
        data-testid="obstacle-status-filter"
      />
      <Select
        allowClear placeholder="督办层级" style={{ width: 110 }} value={params.stage ?? undefined}
        onChange={(v) => update({ stage: v ?? null })}
        options={OBSTACLE_STAGES.map((s) => ({ value: s, label: OBSTACLE_STAGE_LABEL[s] }))}
        data-testid="obstacle-stage-filter"
      />
      <Checkbox checked={params.overdue} onChange={(e) => update({ overdue: e.target.checked })} data-testid="obstacle-overdue-filter">只看逾期</Checkbox>
      {showMore ? (
        <>
          <Select allowClear placeholder="问题类型" style={{ width: 120 }} value={params.kind ?? undefined} onChange={(v) => update({ kind: v ?? null })} options={options(OBSTACLE_KIND_LABEL)} />
          {me.role !== 'department' && <OrgSelect kind="department" placeholder="责任单位" style={{ width: 160 }} value={params.ownerOrgId} onChange={(v) => update({ ownerOrgId: v })} />}
          <PersonSelect placeholder="包保领导" style={{ width: 130 }} value={params.leaderId} onChange={(v) => update({ leaderId: v })} data-testid="obstacle-leader-filter" />
          <Select allowClear placeholder="来源" style={{ width: 110 }} value={params.source ?? undefined} onChange={(v) => update({ source: v ?? null })} options={options(OBSTACLE_SOURCE_LABEL)} />
        </>
      ) : (
        <Button type="link" icon={<FilterOutlined />} onClick={() => setOpen(true)} style={{ paddingInline: 0 }}>更多筛选</Button>
      )}
    </Space>
  );
}
