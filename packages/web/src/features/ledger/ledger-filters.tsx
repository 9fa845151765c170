import { Button, Flex, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import {
  CATEGORIES, INDUSTRIES, KEY_LIST_LEVELS, SIZE_BRACKETS, STAGE_OPTIONS,
  type Category, type Industry, type KeyListLevel, type SizeBracket, type Stage,
} from '@tuijin/core';
import { OrgSelect, PersonSelect } from '../../components/ref-selects';
import { SearchBox } from '../../components/search-box';
import { yearOptions } from '../../components/year-select';
import type { LedgerParams } from './api';
import type { FilterPatch } from './use-ledger-params';

interface Props {
  params: LedgerParams;
  onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void;
  onClear: () => void;
  isFiltered: boolean;
}

const SIZE_LABEL: Record<SizeBracket, string> = { atLeast100m: '≥1亿元', atLeast1b: '≥10亿元', atLeast10b: '≥100亿元' };
const sizeOptions = SIZE_BRACKETS.ids.map((value) => ({ value, label: SIZE_LABEL[value] }));

function Multi<T extends string>({ value, options, placeholder, testId, width, onChange }: {
  value: T[]; options: { value: T; label: string }[]; placeholder: string; testId: string; width: number; onChange: (v: T[]) => void;
}) {
  return (
    <Select<T[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={placeholder}
      value={value}
      options={options}
      onChange={onChange}
      style={{ width }}
      data-testid={testId}
      optionFilterProp="label"
    />
  );
}

export function LedgerFilters({ params, onChange, onClear, isFiltered }: Props) {
  return (
    <Flex wrap gap={8} align="center" data-testid="ledger-filters">
      <Select<number>
        value={params.year ?? 0}
        onChange={(year) => onChange({ year: year || null })}
        options={[{ value: 0, label: '全部在库项目' }, ...yearOptions().map((o) => ({ value: o.value, label: `${o.value} 年台账` }))]}
        style={{ width: 140 }}
        data-testid="filter-year"
        popupMatchSelectWidth={false}
      />
      <SearchBox value={params.q} onChange={(q) => onChange({ q }, { replace: true })} placeholder="项目名称或代码" testId="filter-q" />
      <Multi<Category> value={params.category} options={CATEGORIES.options} placeholder="项目类别" testId="filter-category" width={170} onChange={(category) => onChange({ category })} />
      <Multi<Industry> value={params.industry} options={INDUSTRIES.options} placeholder="所属行业" testId="filter-industry" width={170} onChange={(industry) => onChange({ industry })} />
      <Multi<Stage> value={params.stage} options={STAGE_OPTIONS} placeholder="项目阶段" testId="filter-stage" width={160} onChange={(stage) => onChange({ stage })} />
      <Multi<KeyListLevel> value={params.level} options={KEY_LIST_LEVELS.options} placeholder="重点级别" testId="filter-level" width={160} onChange={(level) => onChange({ level })} />
      <Select<SizeBracket>
        allowClear
        placeholder="投资规模"
        value={params.size ?? undefined}
        options={sizeOptions}
        onChange={(size) => onChange({ size: size ?? null })}
        style={{ width: 120 }}
        data-testid="filter-size"
      />
      <PersonSelect placeholder="包保领导" value={params.leaderId} onChange={(leaderId) => onChange({ leaderId })} style={{ width: 140 }} data-testid="filter-leader" />
      <OrgSelect kind="department" placeholder="责任单位" value={params.responsibleOrgId} onChange={(responsibleOrgId) => onChange({ responsibleOrgId })} style={{ width: 160 }} data-testid="filter-responsible-org" />
      <OrgSelect kind="township" placeholder="乡镇/园区" value={params.townshipId} onChange={(townshipId) => onChange({ townshipId })} style={{ width: 150 }} data-testid="filter-township" />
      <Button icon={<ClearOutlined />} disabled={!isFiltered} onClick={onClear} data-testid="filter-reset">
        清空筛选
      </Button>
    </Flex>
  );
}
