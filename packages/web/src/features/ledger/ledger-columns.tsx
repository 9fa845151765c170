import type { ReactNode } from 'react';
import type { TableColumnType } from 'antd';
import { Link } from 'react-router-dom';
import { INDUSTRIES, NATURES, type LedgerSort } from '@tuijin/core';
import { CategoryTag, LevelTags, StageTag } from '../../components/tags';
import { dateTime, percent, text, wan } from '../../components/format';
import type { LedgerParams, LedgerRow } from './api';

// Every column the ledger can show. `sort` names the server-side sort key (api.md), so the
// table sorts the whole filtered ledger, not just the page on screen.

export interface LedgerColumn {
  key: string;
  title: string;
  width: number;
  /** Always shown, not offered in the column chooser. */
  isFixed?: boolean;
  isDefault?: boolean;
  sort?: LedgerSort;
  align?: 'left' | 'right' | 'center';
  render: (row: LedgerRow, index: number) => ReactNode;
}

const money = (value: number | null) => <span className="num">{value == null ? '—' : wan(value)}</span>;

function rateCell(rate: number | null): ReactNode {
  if (rate == null) return <span style={{ color: '#bfbfbf' }}>—</span>;
  const color = rate >= 1 ? '#389e0d' : rate < 0.5 ? '#cf1322' : undefined;
  return <span className="num" style={{ color }}>{percent(rate)}</span>;
}

/** `offset` is the number of rows on earlier pages, for the 序号 column. */
export function ledgerColumns({ year: y, offset }: { year: number; offset: number }): LedgerColumn[] {
  const rowNumber = (index: number) => offset + index + 1;
  return [
    { key: 'index', title: '序号', width: 56, isFixed: true, align: 'center', render: (_r, i) => <span className="num">{rowNumber(i)}</span> },
    {
      key: 'name', title: '项目名称', width: 260, isFixed: true, sort: 'name',
      render: (r) => <Link to={`/projects/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="ledger-project-link">{r.name}</Link>,
    },
    { key: 'code', title: '项目代码', width: 190, sort: 'code', render: (r) => <span className="num">{text(r.code)}</span> },
    { key: 'regionName', title: '所属地区', width: 110, render: (r) => text(r.regionName) },
    { key: 'category', title: '项目类别', width: 120, isDefault: true, sort: 'category', render: (r) => <CategoryTag category={r.category} /> },
    { key: 'industry', title: '所属行业', width: 110, isDefault: true, sort: 'industry', render: (r) => INDUSTRIES.label[r.industry] ?? r.industry },
    { key: 'nature', title: '建设性质', width: 86, render: (r) => NATURES.label[r.nature] ?? r.nature },
    { key: 'stage', title: '项目阶段', width: 92, isDefault: true, sort: 'stage', align: 'center', render: (r) => <StageTag stage={r.stage} /> },
    { key: 'levels', title: '重点级别', width: 150, isDefault: true, render: (r) => <LevelTags levels={r.levels} short /> },
    { key: 'totalInvestment', title: '总投资（万元）', width: 130, isDefault: true, sort: 'totalInvestment', align: 'right', render: (r) => money(r.totalInvestment) },
    { key: 'plan', title: `${y}年计划（万元）`, width: 168, isDefault: true, sort: 'plan', align: 'right', render: (r) => money(r.plan) },
    { key: 'target', title: '力争投资（万元）', width: 120, isDefault: true, sort: 'target', align: 'right', render: (r) => money(r.target) },
    { key: 'completed', title: '已完成（万元）', width: 130, isDefault: true, sort: 'completed', align: 'right', render: (r) => money(r.completed) },
    { key: 'completionRate', title: '完成率', width: 90, isDefault: true, sort: 'completionRate', align: 'right', render: (r) => rateCell(r.completionRate) },
    { key: 'townshipName', title: '乡镇/园区', width: 120, isDefault: true, render: (r) => text(r.townshipName) },
    { key: 'ownerOrgName', title: '项目单位', width: 200, render: (r) => text(r.ownerOrgName) },
    { key: 'leaderName', title: '包保领导', width: 96, isDefault: true, render: (r) => text(r.leaderName) },
    { key: 'responsibleOrgName', title: '责任单位', width: 150, isDefault: true, render: (r) => text(r.responsibleOrgName) },
    { key: 'commitStartDate', title: '保开工日期', width: 116, sort: 'commitStartDate', render: (r) => <span className="num">{text(r.commitStartDate)}</span> },
    { key: 'commitCompletionDate', title: '保竣工日期', width: 116, sort: 'commitCompletionDate', render: (r) => <span className="num">{text(r.commitCompletionDate)}</span> },
    { key: 'updatedAt', title: '最后更新', width: 150, sort: 'updatedAt', render: (r) => <span className="num">{dateTime(r.updatedAt)}</span> },
  ];
}

export const DEFAULT_VISIBLE: readonly string[] = ledgerColumns({ year: 0, offset: 0 })
  .filter((c) => c.isFixed === true || c.isDefault === true)
  .map((c) => c.key);

/** Ant Design columns for the chosen keys, with the sort state the URL holds. */
export function toTableColumns(columns: LedgerColumn[], visible: readonly string[], params: LedgerParams): TableColumnType<LedgerRow>[] {
  return columns
    .filter((c) => c.isFixed || visible.includes(c.key))
    .map((c) => ({
      key: c.key,
      title: c.title,
      width: c.width,
      align: c.align,
      fixed: c.isFixed ? ('left' as const) : undefined,
      sorter: c.sort ? true : undefined,
      sortOrder: c.sort && params.sort === c.sort ? (params.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
      sortDirections: ['descend', 'ascend'],
      showSorterTooltip: false,
      render: (_value: unknown, row: LedgerRow, index: number) => c.render(row, index),
    }));
}
