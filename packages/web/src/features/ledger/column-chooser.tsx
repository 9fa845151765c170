import { useCallback, useState } from 'react';
import { Button, Checkbox, Divider, Popover, Space } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { LedgerColumn } from './ledger-columns';

const STORAGE_KEY = 'tuijin.ledger.columns.v1';

function readStored(fallback: readonly string[]): string[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (Array.isArray(parsed) && parsed.every((k) => typeof k === 'string')) return parsed;
  } catch {
    // private mode or a corrupted value: fall back to the defaults
  }
  return [...fallback];
}

/** The visible column keys, remembered in this browser. */
export function useVisibleColumns(defaults: readonly string[]) {
  const [visible, setVisibleState] = useState<string[]>(() => readStored(defaults));
  const setVisible = useCallback((keys: string[]) => {
    setVisibleState(keys);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
    } catch {
      // storage full or disabled: the choice lasts for this visit only
    }
  }, []);
  return [visible, setVisible] as const;
}

export function ColumnChooser({ columns, visible, defaults, onChange }: {
  columns: LedgerColumn[]; visible: readonly string[]; defaults: readonly string[]; onChange: (keys: string[]) => void;
}) {
  const choosable = columns.filter((c) => !c.isFixed);
  const content = (
    <div style={{ width: 340 }} data-testid="column-chooser-panel">
      <Checkbox.Group
        value={visible.filter((k) => choosable.some((c) => c.key === k))}
        onChange={(keys) => onChange(keys.map(String))}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px 8px' }}
        options={choosable.map((c) => ({ value: c.key, label: c.title }))}
      />
      <Divider style={{ margin: '12px 0 8px' }} />
      <Space>
        <Button size="small" onClick={() => onChange(choosable.map((c) => c.key))}>全部显示</Button>
        <Button size="small" onClick={() => onChange([...defaults])}>恢复默认</Button>
      </Space>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="选择显示的列（项目名称始终显示）" content={content}>
      <Button icon={<SettingOutlined />} data-testid="column-chooser">选择列</Button>
    </Popover>
  );
}
