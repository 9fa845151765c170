import { useState, type CSSProperties, type ReactNode } from 'react';
import { App, Button, Divider, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { reportKey } from './api';
import type { ShootingPoint } from './types';

// 拍摄点位: fixed places the site is photographed from every month, so months compare like
// with like. The company's reporter may add one where it stands.

function useAddPoint(projectId: number, reportId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<{ items: ShootingPoint[] }>(`/projects/${projectId}/shooting-points`, { name }),
    onSuccess: () => void client.invalidateQueries({ queryKey: reportKey(reportId) }),
  });
}

export function ShootingPointSelect({ projectId, reportId, points, value, onChange, disabled, style, prefix, status, testId }: {
  projectId: number;
  reportId: number;
  points: ShootingPoint[];
  value: number | null;
  onChange: (pointId: number | null) => void;
  disabled?: boolean;
  style?: CSSProperties;
  /** A label inside the select, left of the value. */
  prefix?: ReactNode;
  status?: 'warning' | 'error';
  testId?: string;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const add = useAddPoint(projectId, reportId);
  const [name, setName] = useState('');
  const [added, setAdded] = useState<ShootingPoint[]>([]);
  const all = [...points, ...added.filter((a) => !points.some((p) => p.id === a.id))];

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const { items } = await add.mutateAsync(trimmed);
      const point = items.find((p) => !all.some((a) => a.id === p.id)) ?? items.find((p) => p.name === trimmed);
      setAdded(items);
      setName('');
      if (point) onChange(point.id);
      message.success(`已添加拍摄点位「${trimmed}」`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Select<number | null>
      value={value}
      onChange={(v) => onChange(v ?? null)}
      allowClear
      disabled={disabled}
      prefix={prefix}
      status={status}
      placeholder={prefix ? (all.length ? '请选择' : '可不选') : all.length ? '选择拍摄点位' : '拍摄点位（可不选）'}
      style={{ width: '100%', ...style }}
      data-testid={testId}
      options={all.map((p) => ({ value: p.id, label: p.name }))}
      notFoundContent={<span style={{ color: '#8c8c8c' }}>尚未设置拍摄点位</span>}
      popupRender={(menu) => (
        <>
          {menu}
          {me.can.managePoints && (
            <>
              <Divider style={{ margin: '8px 0' }} />
              <Space.Compact style={{ width: '100%', padding: '0 8px 4px' }}>
                <Input
                  value={name}
                  maxLength={60}
                  placeholder="新点位，如：东南角塔吊下"
                  onChange={(e) => setName(e.target.value)}
                  onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter') void create(); }}
                  data-testid="point-new-name"
                />
                <Button type="primary" icon={<PlusOutlined />} loading={add.isPending} disabled={!name.trim()} onClick={() => void create()}>添加</Button>
              </Space.Compact>
            </>
          )}
        </>
      )}
    />
  );
}
