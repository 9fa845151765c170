import { Button, Dropdown } from 'antd';
import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { API_BASE, toQueryString } from '../../app/api-client';
import type { LedgerParams } from './api';

type ExportUnit = 'wan' | 'yi';

/** The printed ledger as the list is filtered and sorted now (all pages), amounts in the chosen unit. */
export function exportUrl(params: LedgerParams, unit: ExportUnit): string {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return `${API_BASE}/projects/export.xlsx${toQueryString({ ...filters, unit })}`;
}

const UNITS: { unit: ExportUnit; label: string }[] = [
  { unit: 'wan', label: '金额以万元为单位' },
  { unit: 'yi', label: '金额以亿元为单位' },
];

/** 导出 Excel: a plain download link, so the session cookie goes along and the browser saves the file. */
export function ExportButton({ params }: { params: LedgerParams }) {
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: UNITS.map(({ unit, label }) => ({
          key: unit,
          label: <a href={exportUrl(params, unit)} download data-testid={`ledger-export-${unit}`}>{label}</a>,
        })),
      }}
    >
      <Button icon={<FileExcelOutlined />} data-testid="ledger-export">
        导出 Excel <DownOutlined />
      </Button>
    </Dropdown>
  );
}
