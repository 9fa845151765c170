import { Alert, Pagination, Segmented, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { OrgSelect, OWNER_KIND_ORDER } from '../../components/ref-selects';
import { useActionItems } from './api';
import { ActionTable } from './action-table';

// 督办事项 across meetings (and those inspections assigned): what is still open, what is overdue,
// per owner — the list a department works through and the office chases.

type Filter = 'open' | 'overdue' | 'done' | 'cancelled' | 'all';

export function ActionItemsView() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = (params.get('status') as Filter | null) ?? 'open';
  const ownerOrgId = Number(params.get('ownerOrgId')) || null;
  const page = Number(params.get('page')) || 1;
  const set = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) if (v == null) next.delete(k); else next.set(k, v);
    if (!('page' in change)) next.delete('page');
    setParams(next, { replace: true });
  };
  const query = {
    status: filter === 'overdue' || filter === 'all' ? undefined : filter,
    overdue: filter === 'overdue' ? '1' : undefined,
    ownerOrgId: ownerOrgId ?? undefined, page, pageSize: 50,
  };
  const { data, error, isFetching } = useActionItems(query);
  const counts = data?.counts;
  const isDepartment = me.role === 'department';

  return (
    <div data-testid="action-items-view">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={(v) => set({ status: v })}
          options={[
            { value: 'open', label: `办理中${counts ? ` ${counts.open}` : ''}` },
            { value: 'overdue', label: <span style={{ color: counts?.overdue ? '#cf1322' : undefined }}>逾期{counts ? ` ${counts.overdue}` : ''}</span> },
            { value: 'done', label: `已完成${counts ? ` ${counts.done}` : ''}` },
            { value: 'cancelled', label: `已取消${counts ? ` ${counts.cancelled}` : ''}` },
            { value: 'all', label: '全部' },
          ]}
          data-testid="action-filter"
        />
        {!isDepartment && (
          <OrgSelect kindOrder={OWNER_KIND_ORDER} value={ownerOrgId} onChange={(v) => set({ ownerOrgId: v ? String(v) : null })} placeholder="全部责任单位" style={{ width: 220 }} data-testid="action-owner-filter" />
        )}
        {isDepartment && <Typography.Text type="secondary">本单位承办及本单位负责项目的督办事项；办结时请写明办理结果。</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon message="督办事项加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <ActionTable actions={data?.items ?? []} loading={isFetching && !data} showMeeting testId="action-items-table" />
      {(data?.total ?? 0) > 50 && (
        <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={page} pageSize={50} total={data?.total ?? 0} showSizeChanger={false} onChange={(p) => set({ page: String(p) })} />
      )}
    </div>
  );
}
