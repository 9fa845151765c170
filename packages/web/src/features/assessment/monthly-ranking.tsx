import { useEffect } from 'react';
import { Alert, Empty, Grid, Space, Tabs } from 'antd';
import { periodText, SUBJECT_LABEL, type SubjectKind } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { MonthInput } from '../../components/date-input';
import { SearchBox } from '../../components/search-box';
import { today } from '../../components/year-select';
import { useScores } from './api';
import { OwnRank } from './own-rank';
import { RankingTable } from './ranking-table';
import { RunActions, RunLine } from './run-actions';
import { ScoreExplainDrawer } from './score-explain-drawer';
import type { AssessmentParams, ExplainNav, UpdateParams } from './use-assessment-params';

// 月度排名: one month's scores under the scheme in force that month, ranked per kind of
// subject the scheme names (项目, 责任单位, 包保领导, 乡镇园区, and counties for a city). The
// office scores the month and publishes it; everyone else reads what is there. A row opens the
// explanation of its score, item by item, with the records behind each figure.

const PAGE_SIZE = 50;

export function MonthlyRanking({ params, update, explain }: { params: AssessmentParams; update: UpdateParams; explain: ExplainNav }) {
  const me = useMe();
  const isNarrow = Grid.useBreakpoint().md === false;
  const scores = useScores({ period: params.period, kind: params.kind, q: params.q || undefined, page: params.page, pageSize: PAGE_SIZE });
  const data = scores.data;
  const kinds: SubjectKind[] = data?.kinds.length ? data.kinds : [params.kind];
  const run = data?.run ?? null;

  // A kind the month's scheme does not rank (a link from another month): show its first.
  useEffect(() => {
    if (data && data.kinds.length && !data.kinds.includes(params.kind)) update({ kind: data.kinds[0]! });
  }, [data, params.kind, update]);

  const isStale = scores.isPlaceholderData;
  const emptyText = scores.isFetching && !data ? ' ' : !run ? (
    <Empty description={me.can.manageAssessment ? `${periodText(params.period)}尚未计分：点「计分」按该月施行的考核办法计算` : `${periodText(params.period)}考核结果尚未发布`} />
  ) : params.q ? '没有名称含该关键词的考核对象' : '本月没有可排名的考核对象';

  return (
    <div data-testid="monthly-ranking">
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 8 }}>
        <Space wrap size={12}>
          <MonthInput
            value={params.period}
            onChange={(p) => p && update({ period: p })}
            maxDate={`${today().slice(0, 7)}-01`}
            style={{ width: 140 }}
            data-testid="ranking-period"
          />
          {data && !isStale && <RunLine run={run} period={params.period} canManage={me.can.manageAssessment} />}
        </Space>
        {me.can.manageAssessment && data && !isStale && <RunActions run={run} period={params.period} />}
      </div>
      {scores.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="排名加载失败" description={errorMessage(scores.error)} />}
      {run && <OwnRank period={params.period} kinds={kinds} onOpen={explain.open} />}
      <Tabs
        activeKey={params.kind}
        onChange={(key) => update({ kind: key as SubjectKind, q: '' })}
        items={kinds.map((k) => ({ key: k, label: <span data-testid={`ranking-kind-${k}`}>{SUBJECT_LABEL[k]}</span> }))}
        tabBarExtraContent={isNarrow ? undefined : <SearchBox value={params.q} onChange={(q) => update({ q })} placeholder={`搜索${SUBJECT_LABEL[params.kind]}名称`} testId="ranking-search" />}
      />
      {isNarrow && <div style={{ marginBottom: 8 }}><SearchBox value={params.q} onChange={(q) => update({ q })} placeholder={`搜索${SUBJECT_LABEL[params.kind]}名称`} width={400} testId="ranking-search" /></div>}
      <RankingTable
        kind={params.kind}
        items={data?.items ?? []}
        total={data?.total ?? 0}
        page={params.page}
        pageSize={PAGE_SIZE}
        loading={scores.isFetching}
        empty={emptyText}
        isNarrow={isNarrow}
        onPage={(page) => update({ page })}
        onOpen={(item) => explain.open({ kind: params.kind, id: item.subjectId })}
      />
      {params.explain && (
        <ScoreExplainDrawer
          period={params.period}
          target={params.explain}
          isNarrow={isNarrow}
          onOpen={explain.open}
          onClose={explain.close}
        />
      )}
    </div>
  );
}
