import { Select, Space } from 'antd';
import { SearchBox } from '../../components/search-box';
import type { RollUp, WarningSummary } from './types';
import type { WarningParams } from './use-warning-params';

// The list's filters: type of warning, 责任单位, 包保领导, 乡镇园区 (or county above a county),
// and a search. Options come from the summary's roll-ups, so only groups in scope are offered,
// each with its red and yellow counts.

const groupOptions = (rows: RollUp[] | null | undefined) =>
  (rows ?? []).filter((r) => r.id != null && r.red + r.yellow > 0).map((r) => ({ value: r.id as number | string, label: `${r.name}（红${r.red} 黄${r.yellow}）`, name: r.name }));

const filterByName = (input: string, option?: { name?: string }) => (option?.name ?? '').toLowerCase().includes(input.trim().toLowerCase());

export function WarningFilters({ params, update, summary }: { params: WarningParams; update: (patch: Partial<WarningParams>) => void; summary: WarningSummary | undefined }) {
  const select = { allowClear: true, showSearch: true, filterOption: filterByName, popupMatchSelectWidth: false, style: { width: 170 } };
  return (
    <Space wrap size={8} data-testid="warning-filters">
      <Select
        data-testid="filter-rule"
        placeholder="预警类型"
        allowClear
        style={{ width: 170 }}
        value={params.rule ?? undefined}
        onChange={(rule) => update({ rule: rule ?? null })}
        options={(summary?.byRule ?? []).map((r) => ({ value: r.rule, label: `${r.label}（${r.red + r.yellow}）`, disabled: r.red + r.yellow === 0 && r.rule !== params.rule }))}
      />
      {summary?.byRegion && (
        <Select {...select} data-testid="filter-region" placeholder="县（市、区）" value={params.regionCode ?? undefined}
          onChange={(v: string | undefined) => update({ regionCode: v ?? null })} options={groupOptions(summary.byRegion)} />
      )}
      <Select {...select} data-testid="filter-department" placeholder="责任单位" value={params.responsibleOrgId ?? undefined}
        onChange={(v: number | undefined) => update({ responsibleOrgId: v ?? null })} options={groupOptions(summary?.byDepartment)} />
      <Select {...select} data-testid="filter-leader" placeholder="包保领导" value={params.leaderId ?? undefined}
        onChange={(v: number | undefined) => update({ leaderId: v ?? null })} options={groupOptions(summary?.byLeader)} />
      <Select {...select} data-testid="filter-township" placeholder="乡镇园区" value={params.townshipId ?? undefined}
        onChange={(v: number | undefined) => update({ townshipId: v ?? null })} options={groupOptions(summary?.byTownship)} />
      <SearchBox value={params.q} onChange={(q) => update({ q })} placeholder="项目名称或代码" width={180} testId="filter-q" />
    </Space>
  );
}
