import { useMemo, type CSSProperties } from 'react';
import { Select, TreeSelect } from 'antd';
import { ORG_KINDS, REGION_LEVELS, type OrgKind, type RegionLevel } from '@tuijin/core';
import { useOrgOptions } from '../features/orgs/api';
import { usePeopleOptions } from '../features/people/api';
import { buildRegionTree, useRegions, type RegionNode } from '../features/regions/api';

// Selects fed by the reference lists (people, orgs, regions). They hold ids; `currentLabel`
// names a value the list may not contain (outside scope, deleted) so it never shows a bare id.

interface IdSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  currentLabel?: string | null;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

interface IdOption { value: number; label: string }
type IdOptions = (IdOption | { label: string; options: IdOption[] })[];

function withCurrent(options: IdOptions, value: number | null | undefined, label: string | null | undefined): IdOptions {
  if (value == null || options.some((o) => ('options' in o ? o.options.some((x) => x.value === value) : o.value === value))) return options;
  return [{ value, label: label ?? `#${value}` }, ...options];
}

const filterByLabel = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase());

export function PersonSelect({ value, onChange, placeholder = '选择人员', currentLabel, disabled, style, id, ...rest }: IdSelectProps) {
  const { data, isLoading } = usePeopleOptions();
  const options = useMemo(
    () => (data?.items ?? []).map((p) => ({
      value: p.id,
      label: [p.name, p.title].filter(Boolean).join(' · ') + (p.orgName && !p.title?.includes(p.orgName) ? `（${p.orgName}）` : ''),
    })),
    [data],
  );
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      showSearch
      allowClear
      loading={isLoading}
      disabled={disabled}
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={withCurrent(options, value, currentLabel)}
      filterOption={filterByLabel}
      notFoundContent={isLoading ? '加载中…' : '没有匹配的人员'}
      popupMatchSelectWidth={false}
    />
  );
}

/** Who is usually given a task first: departments, then townships, then banks and companies. */
export const OWNER_KIND_ORDER: readonly OrgKind[] = ['department', 'township', 'bank', 'company'];

/**
 * `kindOrder`: every kind, grouped under its name in this order (kinds not named come last),
 * for a select that offers all kinds; without it, the list as the server orders it.
 */
export function OrgSelect({ kind, kindOrder, value, onChange, placeholder = '选择单位', currentLabel, disabled, style, id, ...rest }: IdSelectProps & { kind?: OrgKind; kindOrder?: readonly OrgKind[] }) {
  const { data, isLoading } = useOrgOptions(kind);
  const options = useMemo((): IdOptions => {
    const items = data?.items ?? [];
    if (!kindOrder) return items.map((o) => ({ value: o.id, label: o.name }));
    const rank = (k: OrgKind) => (kindOrder.includes(k) ? kindOrder.indexOf(k) : kindOrder.length);
    const kinds = [...new Set(items.map((o) => o.kind))].sort((a, b) => rank(a) - rank(b));
    return kinds.map((k) => ({
      label: ORG_KINDS.label[k],
      options: items.filter((o) => o.kind === k).map((o) => ({ value: o.id, label: o.name })),
    }));
  }, [data, kindOrder]);
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      showSearch
      allowClear
      loading={isLoading}
      disabled={disabled}
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={withCurrent(options, value, currentLabel)}
      filterOption={filterByLabel}
      notFoundContent={isLoading ? '加载中…' : '没有匹配的单位'}
      popupMatchSelectWidth={false}
    />
  );
}

interface RegionSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  /** Only regions of these levels can be picked (projects live in counties). */
  selectable?: readonly RegionLevel[];
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

interface RegionTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: RegionTreeOption[];
}

function toTreeOptions(nodes: RegionNode[], selectable?: readonly RegionLevel[]): RegionTreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: `${n.name}（${REGION_LEVELS.label[n.level] ?? n.level}）`,
    disabled: selectable ? !selectable.includes(n.level) : false,
    children: n.children ? toTreeOptions(n.children, selectable) : undefined,
  }));
}

export function RegionSelect({ value, onChange, placeholder = '选择地区', selectable, allowClear, disabled, style, id, ...rest }: RegionSelectProps) {
  const { data, isLoading } = useRegions();
  const tree = useMemo(() => toTreeOptions(buildRegionTree(data?.items ?? []), selectable), [data, selectable]);
  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      showSearch
      treeDefaultExpandAll
      allowClear={allowClear}
      loading={isLoading}
      disabled={disabled}
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={tree}
      treeNodeFilterProp="title"
      notFoundContent={isLoading ? '加载中…' : '没有匹配的地区'}
    />
  );
}
