import type { ReactNode } from 'react';
import { Alert, Descriptions, Empty, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Link } from 'react-router-dom';
import { FUNDING_SOURCES, sumYuan } from '@tuijin/core';
import { EMPTY, wan } from '../../components/format';
import { FormSection } from './form-section';
import { MediaGrid } from './media-grid';
import { photoRequirement } from './media-uploader';
import { nodeName } from './report-values';
import type { ReportDetail } from './types';

type Items = NonNullable<DescriptionsProps['items']>;

const money = (yuan: number | null) => (yuan == null ? EMPTY : <span className="num">{wan(yuan)} 万元</span>);
const multiline = (value: string | null): ReactNode => (value ? <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</div> : EMPTY);

function figureItems(r: ReportDetail): Items {
  if (r.noChange) {
    return [
      { key: 'noChange', label: '本月无变化', children: <><Tag color="orange">本月无变化</Tag>{r.noChangeReason}</>, span: 'filled' },
      { key: 'ytd', label: '本年累计完成', children: money(r.ytd) },
      { key: 'cumulative', label: '开工以来累计', children: money(r.cumulative) },
    ];
  }
  const funds = r.funds.length
    ? <>{r.funds.map((f) => <div key={f.source}>{FUNDING_SOURCES[f.source as keyof typeof FUNDING_SOURCES] ?? f.source}：<span className="num">{wan(f.amount)}</span> 万元</div>)}<Typography.Text type="secondary">合计 {wan(sumYuan(r.funds.map((f) => f.amount)))} 万元</Typography.Text></>
    : EMPTY;
  return [
    { key: 'thisMonth', label: '本月完成投资', children: money(r.thisMonth) },
    { key: 'ytd', label: '本年累计完成', children: money(r.ytd) },
    { key: 'cumulative', label: '开工以来累计', children: money(r.cumulative) },
    ...(r.explanation ? [{ key: 'explanation', label: '情况说明', children: multiline(r.explanation), span: 'filled' as const }] : []),
    { key: 'funds', label: '本月到位资金', children: funds, span: 'filled' },
    { key: 'progress', label: '形象进度', children: multiline(r.progress), span: 'filled' },
    {
      key: 'nodes', label: '完成节点', span: 'filled',
      children: r.nodesMet.length ? r.nodesMet.map((n) => <div key={n.nodeId}>{nodeName(r, n.nodeId)}（<span className="num">{n.date}</span>）</div>) : '无',
    },
  ];
}

function planItems(r: ReportDetail): Items {
  return [
    {
      key: 'problems', label: '存在问题', span: 'filled',
      // Each problem sent became an obstacle (问题督办): it links to where it is followed up.
      children: r.problems.length ? r.problems.map((p, i) => (
        <div key={i} style={{ marginBottom: 4 }}>
          <Tag>{p.kindLabel ?? p.kind}</Tag>{p.description}
          {p.obstacleId ? <Link to={`/obstacles/${p.obstacleId}`} style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }} data-testid="report-obstacle-link">查看督办 ›</Link> : null}
        </div>
      )) : '无',
    },
    { key: 'nextPlan', label: '下月计划', children: multiline(r.nextPlan), span: 'filled' },
    { key: 'coordination', label: '需协调事项', children: multiline(r.coordination), span: 'filled' },
  ];
}

/** 数据说明: figures accepted with the reporter's explanation, for the reviewer to weigh. */
export function FigureNotes({ report }: { report: ReportDetail }) {
  if (!report.figureNotes.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="report-figure-notes"
      message="投资数据需关注"
      description={
        <>
          <ul className="report-list">{report.figureNotes.map((n) => <li key={n.code}>{n.message}</li>)}</ul>
          {report.explanation && <div style={{ marginTop: 4 }}>填报单位说明：{report.explanation}</div>}
        </>
      }
    />
  );
}

/** The report as sent (or as it stands), read-only: the same content as the form, laid out to read. */
export function ReportView({ report }: { report: ReportDetail }) {
  const requirement = photoRequirement(report);
  if (!report.isStarted && report.status === 'draft') {
    return (
      <div className="page-card report-section" data-testid="report-view">
        <Empty description="项目单位尚未填报本月月报" />
      </div>
    );
  }
  const descriptions = (items: Items, testId: string) => (
    <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} items={items} styles={{ label: { width: 120, whiteSpace: 'nowrap' } }} data-testid={testId} />
  );
  return (
    <div data-testid="report-view">
      <FormSection title="本月投资与进度">
        {!report.canReview && report.figureNotes.length > 0 && <div style={{ marginBottom: 12 }}><FigureNotes report={report} /></div>}
        {descriptions(figureItems(report), 'report-view-figures')}
      </FormSection>
      <FormSection title="现场照片和视频" extra={<Typography.Text type="secondary">{requirement.text}</Typography.Text>} testId="report-view-media">
        <MediaGrid report={report} canEdit={false} />
      </FormSection>
      <FormSection title="问题与计划">{descriptions(planItems(report), 'report-view-plans')}</FormSection>
    </div>
  );
}
