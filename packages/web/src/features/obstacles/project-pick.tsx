import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { LedgerResult, LedgerRow } from '../ledger/api';

// A project picked by typing part of its name or code (the ledger's own search, 20 at a time).

export function ProjectPick({ value, onChange, onPicked, id }: { value?: number | null; onChange?: (id: number | null) => void; onPicked?: (row: LedgerRow | null) => void; id?: string }) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['projects', 'pick', q],
    queryFn: () => api.get<LedgerResult>('/projects', { q: q || null, pageSize: 20, sort: 'name', order: 'asc' }),
    staleTime: 30_000,
  });
  const rows = data?.items ?? [];
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      placeholder="输入项目名称或代码查找"
      value={value ?? undefined}
      loading={isFetching}
      onSearch={setQ}
      onChange={(v: number | undefined) => {
        onChange?.(v ?? null);
        onPicked?.(rows.find((r) => r.id === v) ?? null);
      }}
      options={rows.map((r) => ({ value: r.id, label: r.name }))}
      notFoundContent={isFetching ? '查找中…' : '没有匹配的项目'}
      data-testid="obstacle-project"
    />
  );
}
