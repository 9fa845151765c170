import type { ReactNode } from 'react';
import { Skeleton } from 'antd';
import { ratio } from '@tuijin/core';
import { percent, yi } from '../../components/format';
import type { LedgerResult } from './api';

function Figure({ label, value, unit, testId }: { label: string; value: ReactNode; unit?: string; testId: string }) {
  return (
    <div style={{ minWidth: 120 }} data-testid={testId}>
      <div style={{ color: '#8c8c8c', fontSize: 12, marginBottom: 2 }}>{label}</div>
      <div style={{ fontSize: 20, fontWeight: 600, lineHeight: '28px' }} className="num">
        {value}
        {unit && <span style={{ fontSize: 12, fontWeight: 400, color: '#8c8c8c', marginInlineStart: 4 }}>{unit}</span>}
      </div>
    </div>
  );
}

/** The sums of every row the filters select (all pages), as the office reports them: 亿元. */
export function LedgerTotals({ data }: { data: LedgerResult | undefined }) {
  const bar = {
    display: 'flex', flexWrap: 'wrap' as const, gap: '12px 36px', padding: '12px 16px',
    background: '#f5f8fd', border: '1px solid #dfe8f6', borderRadius: 6,
  };
  if (!data) {
    return <div style={bar} data-testid="ledger-totals"><Skeleton active paragraph={false} title={{ width: '60%' }} /></div>;
  }
  const { totals, total, year } = data;
  return (
    <div style={bar} data-testid="ledger-totals">
      <Figure label="项目数" value={total.toLocaleString('zh-CN')} unit="个" testId="totals-count" />
      <Figure label="总投资" value={yi(totals.totalInvestment)} unit="亿元" testId="totals-investment" />
      <Figure label={`${year}年计划投资`} value={yi(totals.plan)} unit="亿元" testId="totals-plan" />
      <Figure label="力争投资" value={yi(totals.target)} unit="亿元" testId="totals-target" />
      <Figure label="已完成投资" value={yi(totals.completed)} unit="亿元" testId="totals-completed" />
      <Figure label="完成率" value={percent(ratio(totals.completed, totals.plan))} testId="totals-rate" />
    </div>
  );
}
