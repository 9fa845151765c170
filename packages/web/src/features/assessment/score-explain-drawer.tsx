import { Alert, Descriptions, Drawer, Table, Typography } from 'antd';
import { periodText, SUBJECT_LABEL } from '@tuijin/core';
import { errorMessage } from '../../app/api-client';
import { PageSpin } from '../../components/page-state';
import { useExplanation } from './api';
import { ExplainItemRow } from './explain-item';
import { FlagTag, score } from './score-marks';
import type { ScoreExplanation } from './types';
import type { ExplainTarget } from './use-assessment-params';

// 得分说明: why a subject scored what it did this month — what a 责任单位 that disputes its
// rank reads. The total and the place, then every item of the scheme with its formula, the
// figure, the points and the records behind it; for a group (责任单位, 包保领导, 乡镇园区) the
// projects whose mean its score is, each opening its own explanation. Full-screen on a phone.

/**
 * Items that did not apply this month drop out and the rest are scaled to a hundred: say so with
 * the figures, or the items' points will not add up to the base a reader sees.
 */
function scalingText(data: ScoreExplanation): string | null {
  const counted = data.items.filter((i) => i.applicable && i.weight > 0);
  const full = data.applicableWeight ?? counted.reduce((n, i) => n + i.weight, 0);
  if (!counted.length || Math.abs(full - 100) < 1e-6) return null;
  const earned = counted.reduce((n, i) => n + i.score, 0);
  return `本月适用的考核项满分合计 ${score(full)} 分，得 ${score(earned)} 分，折算为百分制：${score(earned)} ÷ ${score(full)} × 100 = ${score(data.base)}。`;
}

function Summary({ data }: { data: ScoreExplanation }) {
  const isGroup = data.kind !== 'project';
  const scaling = isGroup ? null : scalingText(data);
  return (
    <div data-testid="explain-summary" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 24px', padding: '4px 0 12px', borderBottom: '1px solid #f0f0f0' }}>
      <div>
        <div style={{ color: '#8c8c8c', fontSize: 12 }}>总分</div>
        <div className="num" style={{ fontSize: 32, fontWeight: 700, lineHeight: 1.1 }} data-testid="explain-total">{score(data.total)}</div>
      </div>
      <div>
        <div style={{ color: '#8c8c8c', fontSize: 12 }}>名次</div>
        <div className="num" style={{ fontSize: 20 }} data-testid="explain-rank">第 <b>{data.rank}</b> 名 <Typography.Text type="secondary" style={{ fontSize: 14 }}>/ 共 {data.of} 个</Typography.Text></div>
      </div>
      <FlagTag flag={data.flag} />
      <Typography.Text type="secondary" style={{ flexBasis: '100%', fontSize: 13 }}>
        {isGroup
          ? `${SUBJECT_LABEL[data.kind]}的得分是其${data.projects?.length ?? 0}个项目本月总分的平均数：基础分 ${score(data.base)}，加分 ${score(data.bonus)}。`
          : `总分 = 基础分 ${score(data.base)}（满分100）+ 加分 ${score(data.bonus)}。`}
        按《{data.run.scheme.name}》{data.run.scheme.version > 0 ? `第${data.run.scheme.version}版` : ''}计分{data.run.status === 'draft' ? '（草稿，尚未发布）' : ''}。
        {scaling && <span data-testid="explain-scaling">{scaling}</span>}
      </Typography.Text>
    </div>
  );
}

function GroupProjects({ data, onOpen }: { data: ScoreExplanation; onOpen: (target: ExplainTarget) => void }) {
  if (!data.projects) return null;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginBottom: 4 }}>计入平均的项目（{data.projects.length}）</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>点击项目查看它的得分说明；名次为该项目在全部项目中的名次。</Typography.Paragraph>
      <Table
        size="small"
        rowKey="projectId"
        className="ledger-table"
        data-testid="explain-projects"
        pagination={false}
        dataSource={data.projects}
        onRow={(p) => ({ onClick: () => onOpen({ kind: 'project', id: p.projectId }) })}
        columns={[
          { title: '项目', dataIndex: 'name', render: (v: string) => <Typography.Link data-testid="explain-project">{v}</Typography.Link> },
          { title: '总分', dataIndex: 'total', width: 70, align: 'right', render: (v: number) => <span className="num">{score(v)}</span> },
          { title: '名次', dataIndex: 'rank', width: 60, align: 'right', render: (v: number) => <span className="num">{v}</span> },
        ]}
      />
    </div>
  );
}

export function ScoreExplainDrawer({ period, target, isNarrow, onOpen, onClose }: {
  period: string;
  target: ExplainTarget;
  isNarrow: boolean;
  onOpen: (target: ExplainTarget) => void;
  onClose: () => void;
}) {
  const { data, error, isFetching } = useExplanation(period, target.kind, target.id);
  const current = data && String(data.subject.id) === String(target.id) && data.kind === target.kind ? data : null;
  const items = current?.items ?? [];
  // What counted comes first; items that did not apply this month follow, in a line each.
  const counted = items.filter((i) => i.applicable);
  const skipped = items.filter((i) => !i.applicable);
  const lost = counted.filter((i) => i.weight > 0 && i.score < i.max);
  return (
    <Drawer
      open
      onClose={onClose}
      width={isNarrow ? '100%' : 760}
      destroyOnHidden
      data-testid="explain-drawer"
      title={
        <div style={{ minWidth: 0 }}>
          <div style={{ whiteSpace: 'normal' }} data-testid="explain-title">{current?.subject.name ?? '得分说明'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {periodText(period)} · {SUBJECT_LABEL[target.kind]}得分说明
          </Typography.Text>
        </div>
      }
    >
      {error && <Alert type="error" showIcon message="得分说明加载失败" description={errorMessage(error)} />}
      {!current && !error && isFetching && <PageSpin />}
      {current && (
        <>
          <Summary data={current} />
          {lost.length > 0 && (
            <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[{
              key: 'lost',
              label: '失分项',
              children: <span data-testid="explain-lost">{lost.map((i) => `${i.label} ${score(i.max - i.score)} 分`).join('；')}</span>,
            }]} />
          )}
          <div data-testid="explain-items">
            {counted.map((item) => <ExplainItemRow key={item.key} item={item} />)}
            {skipped.length > 0 && (
              <>
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 13 }}>本月不适用、不计入的考核项（{skipped.length}）</Typography.Text>
                {skipped.map((item) => <ExplainItemRow key={item.key} item={item} />)}
              </>
            )}
          </div>
          <GroupProjects data={current} onOpen={onOpen} />
        </>
      )}
    </Drawer>
  );
}
