import { Alert, Empty, Grid, List, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { SUBJECT_KINDS, SUBJECT_LABEL, type SubjectKind } from '@tuijin/core';
import { errorMessage } from '../../app/api-client';
import { columnsWidth, STICKY_TABLE } from '../../components/table-width';
import { YearSelect } from '../../components/year-select';
import { useSchemes, useYearScores } from './api';
import { AwardList } from './award-list';
import { score } from './score-marks';
import type { YearItem } from './types';
import type { AssessmentParams, UpdateParams } from './use-assessment-params';

// 年度考核: the year's average of each subject's monthly totals, the months it was scored, its
// rank and its grade (等次) by the scheme's grade lines; then the 奖惩 decided for the year.

/** 优秀 stands out green, 不合格 red; other labels a county may use stay neutral. */
export function GradeTag({ grade }: { grade: string }) {
  const color = /不合格|不称职|较差/.test(grade) ? 'red' : /优秀/.test(grade) ? 'green' : /良好/.test(grade) ? 'blue' : 'default';
  return <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid="year-grade">{grade}</Tag>;
}

function columns(kind: SubjectKind, months: string[]): TableColumnsType<YearItem> {
  return [
    { title: '名次', dataIndex: 'rank', width: 60, align: 'center', fixed: 'left', render: (v: number) => <span className="num">{v}</span> },
    { title: SUBJECT_LABEL[kind], dataIndex: 'name', width: 240, fixed: 'left', ellipsis: true },
    { title: '年度平均分', dataIndex: 'average', width: 100, align: 'right', render: (v: number) => <b className="num" data-testid="year-average">{score(v)}</b> },
    { title: '计分月数', dataIndex: 'months', width: 84, align: 'right', render: (v: number) => <span className="num">{v}</span> },
    { title: '等次', dataIndex: 'grade', width: 80, align: 'center', render: (v: string) => <GradeTag grade={v} /> },
    {
      title: '各月得分',
      children: months.map((p) => ({
        title: `${Number(p.slice(5))}月`,
        key: p,
        width: 56,
        align: 'right' as const,
        render: (_v: unknown, r: YearItem) => {
          const m = r.monthly.find((x) => x.period === p);
          return m ? <span className="num">{score(m.total)}</span> : <Typography.Text type="secondary">—</Typography.Text>;
        },
      })),
    },
  ];
}

function YearCards({ items, loading }: { items: YearItem[]; loading: boolean }) {
  return (
    <List<YearItem>
      dataSource={items}
      loading={loading}
      data-testid="year-cards"
      locale={{ emptyText: '本年尚无已计分的月份' }}
      renderItem={(r) => (
        <List.Item className="phone-card" data-testid="year-card">
          <div className="phone-card-head">
            <span className="phone-card-title"><span className="num" style={{ marginInlineEnd: 8, color: '#8c8c8c' }}>{r.rank}</span>{r.name}</span>
            <GradeTag grade={r.grade} />
          </div>
          <div className="meta-line phone-card-facts">
            <span><span className="phone-card-label">年度平均</span><b className="num">{score(r.average)}</b></span>
            <span><span className="phone-card-label">计分月数</span><span className="num">{r.months}</span></span>
          </div>
        </List.Item>
      )}
    />
  );
}

export function AnnualAssessment({ params, update }: { params: AssessmentParams; update: UpdateParams }) {
  const isNarrow = Grid.useBreakpoint().md === false;
  const schemes = useSchemes();
  const year = useYearScores(params.year, params.kind);
  // The kinds the scheme in force ranks (a year under two versions may have ranked others too).
  const kinds = SUBJECT_KINDS.filter((k) => (schemes.data?.current.document.subjects ?? ['project']).includes(k) || k === params.kind);
  const months = year.data?.months ?? [];
  const cols = columns(params.kind, months);
  return (
    <div data-testid="annual-assessment">
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        <YearSelect value={params.year} onChange={(y) => update({ year: y })} testId="year-select" />
        {year.data && (
          <Typography.Text type="secondary" data-testid="year-months">
            {months.length ? `已计分 ${months.length} 个月（${months.map((p) => `${Number(p.slice(5))}月`).join('、')}），年度平均分为各月总分的平均数` : '本年尚无已计分的月份'}
          </Typography.Text>
        )}
      </Space>
      {year.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="年度考核加载失败" description={errorMessage(year.error)} />}
      <Tabs
        activeKey={params.kind}
        onChange={(key) => update({ kind: key as SubjectKind })}
        items={kinds.map((k) => ({ key: k, label: <span data-testid={`year-kind-${k}`}>{SUBJECT_LABEL[k]}</span> }))}
      />
      {isNarrow ? (
        <YearCards items={year.data?.items ?? []} loading={year.isFetching} />
      ) : (
        <Table<YearItem>
          className="nowrap-head"
          data-testid="year-table"
          size="small"
          bordered
          rowKey={(r) => String(r.subjectId)}
          columns={cols}
          dataSource={year.data?.items ?? []}
          loading={year.isFetching}
          scroll={{ x: columnsWidth(cols) }}
          sticky={STICKY_TABLE}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: year.isFetching && !year.data ? ' ' : <Empty description="本年尚无已计分的月份" /> }}
        />
      )}
      <AwardList year={params.year} />
    </div>
  );
}
