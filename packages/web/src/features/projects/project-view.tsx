import type { ReactNode } from 'react';
import { Descriptions, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { CATEGORIES, CURRENCIES, FUNDING_SOURCES, INDUSTRIES, NATURES, daysBetween, formatAmountAuto } from '@tuijin/core';
import { coordText, EMPTY, text, wan } from '../../components/format';
import { today } from '../../components/year-select';
import type { ProjectSection } from './form-values';
import type { ProjectDetail } from './types';

type Items = NonNullable<DescriptionsProps['items']>;

const money = (yuan: number | null | undefined): ReactNode =>
  yuan == null ? EMPTY : <span className="num">{wan(yuan)} 万元{yuan >= 100_000_000 ? `（${formatAmountAuto(yuan)}）` : ''}</span>;

const multiline = (value: string | null): ReactNode =>
  value ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{value}</Typography.Paragraph> : EMPTY;

function basicItems(d: ProjectDetail): Items {
  return [
    { key: 'name', label: '项目名称', children: d.name, span: 2 },
    { key: 'code', label: '项目代码', children: <span className="num">{text(d.code)}</span> },
    { key: 'region', label: '所属地区', children: text(d.regionName) },
    { key: 'category', label: '项目类别', children: CATEGORIES.label[d.category] ?? d.category },
    { key: 'industry', label: '所属行业', children: INDUSTRIES.label[d.industry] ?? d.industry },
    { key: 'nature', label: '建设性质', children: NATURES.label[d.nature] ?? d.nature },
    { key: 'township', label: '所在乡镇（园区）', children: text(d.townshipName) },
    { key: 'owner', label: '项目单位', children: text(d.ownerOrgName) },
    { key: 'address', label: '建设地点', children: text(d.address), span: 2 },
    { key: 'point', label: '坐标（WGS-84）', children: d.lng != null && d.lat != null ? <span className="num">{coordText(d.lng, d.lat, 6)}</span> : EMPTY },
    { key: 'total', label: '总投资', children: money(d.totalInvestment) },
    {
      key: 'foreign', label: '外币投资',
      children: d.foreign
        ? `${wan(d.foreign.amount)} 万${CURRENCIES.label[d.foreign.currency] ?? d.foreign.currency}（汇率 ${d.foreign.rate}）`
        : EMPTY,
    },
    {
      key: 'funding', label: '资金来源',
      children: d.fundingSources.length
        ? d.fundingSources.map((f) => `${FUNDING_SOURCES[f.source] ?? f.source} ${wan(f.amount)} 万元`).join('；')
        : EMPTY,
    },
    { key: 'revenue', label: '达产后年销售收入', children: money(d.annualRevenue) },
    { key: 'profit', label: '达产后年利税', children: money(d.annualProfitTax) },
    { key: 'tags', label: '标签', children: d.tags.length ? d.tags.map((t) => <Tag key={t}>{t}</Tag>) : EMPTY, span: 'filled' },
    { key: 'content', label: '建设内容及规模', children: multiline(d.contentScale), span: 3 },
  ];
}

function dutyItems(d: ProjectDetail): Items {
  return [
    { key: 'leader', label: '包保县级领导', children: text(d.leaderName) },
    { key: 'first', label: '第一责任人', children: text(d.firstResponsibleName) },
    { key: 'org', label: '责任单位（牵头部门）', children: text(d.responsibleOrgName) },
    { key: 'bank', label: '金融机构', children: text(d.bankOrgName) },
    { key: 'contact', label: '联系人', children: d.contactName ? `${d.contactName}${d.contactPhone ? ` · ${d.contactPhone}` : ''}` : EMPTY, span: 'filled' },
    { key: 'team', label: '工作班子', children: multiline(d.team), span: 3 },
    { key: 'plan', label: '实施方案', children: multiline(d.implementationPlan), span: 3 },
  ];
}

/** A committed date with how it stands: done on time, done late, or overdue. */
function commitDate(committed: string | null, actual: string | null): ReactNode {
  if (!committed) return EMPTY;
  const now = today();
  let status: ReactNode = null;
  if (actual) {
    const late = daysBetween(committed, actual);
    status = late > 0 ? <Tag color="orange">晚 {late} 天完成</Tag> : <Tag color="green">按期完成</Tag>;
  } else if (committed < now) {
    status = <Tag color="red">已逾期 {daysBetween(committed, now)} 天</Tag>;
  }
  return <span className="num">{committed} {status}</span>;
}

function commitmentItems(d: ProjectDetail): Items {
  return [
    { key: 'cs', label: '保开工日期', children: commitDate(d.commitStartDate, d.actualStartDate) },
    { key: 'cc', label: '保竣工日期', children: commitDate(d.commitCompletionDate, d.actualCompletionDate) },
    { key: 'cp', label: '保投产日期', children: commitDate(d.commitProductionDate, d.actualProductionDate) },
    { key: 'as', label: '实际开工日期', children: text(d.actualStartDate) },
    { key: 'ac', label: '实际竣工日期', children: text(d.actualCompletionDate) },
    { key: 'ap', label: '实际投产日期', children: text(d.actualProductionDate) },
    { key: 'target', label: '定目标', children: multiline(d.commitTarget), span: 3 },
    { key: 'duty', label: '定责任', children: multiline(d.commitDuty), span: 3 },
    { key: 'reward', label: '定奖惩', children: multiline(d.commitRewardPenalty), span: 3 },
  ];
}

const ITEMS: Record<ProjectSection, (d: ProjectDetail) => Items> = {
  basic: basicItems,
  duty: dutyItems,
  commitments: commitmentItems,
};

export function SectionView({ detail, section }: { detail: ProjectDetail; section: ProjectSection }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={ITEMS[section](detail)}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      data-testid={`project-view-${section}`}
    />
  );
}
