import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { text } from '../../components/format';
import { DueText, ObstacleStageTag, ObstacleStatusTag } from './obstacle-tags';
import type { ObstacleSummary } from './types';

// The obstacle list's table: what the problem is and on which project, who holds it, how far up
// the ladder it is, and by when. On a phone the project and the holder go under the problem.

function ProblemCell({ o, isNarrow, showProject }: { o: ObstacleSummary; isNarrow: boolean; showProject: boolean }) {
  return (
    <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 2 }}>
      <span>
        <Tag bordered={false} style={{ marginInlineEnd: 4 }}>{o.kindLabel}</Tag>
        <Link to={`/obstacles/${o.id}`} onClick={(e) => e.stopPropagation()} data-testid="obstacle-link">{o.title}</Link>
      </span>
      {showProject && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.projectName}</Typography.Text>}
      {isNarrow && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[o.ownerOrgName, o.leaderName].filter(Boolean).join(' · ') || '未定责任单位'}</Typography.Text>
          <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
            <ObstacleStageTag stage={o.stage} /><ObstacleStatusTag status={o.status} /><DueText o={o} />
          </span>
        </>
      )}
    </span>
  );
}

function NextCell({ o }: { o: ObstacleSummary }) {
  if (o.status === 'resolved') return <Typography.Text type="warning">待销号确认</Typography.Text>;
  if (o.status === 'closed') return <span className="num">{o.closedAt?.slice(0, 10)} 销号</span>;
  if (!o.nextStageLabel || !o.escalateAt) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title="到期仍未办结，系统按规则自动升级">
      <span className="num">{o.escalateAt} 起{o.nextStageLabel}</span>
    </Tooltip>
  );
}

/** On a phone one column says it all (nothing scrolls sideways); on a desk each fact has its column. */
export function obstacleColumns({ isNarrow, showProject = true }: { isNarrow: boolean; showProject?: boolean }): TableColumnsType<ObstacleSummary> {
  const problem = { title: showProject ? '问题 / 项目' : '问题', key: 'problem', width: isNarrow ? undefined : 320, render: (_v: unknown, o: ObstacleSummary) => <ProblemCell o={o} isNarrow={isNarrow} showProject={showProject} /> };
  if (isNarrow) return [problem];
  return [
    problem,
    { title: '督办层级', key: 'stage', width: 88, render: (_v, o) => <ObstacleStageTag stage={o.stage} /> },
    { title: '状态', key: 'status', width: 84, render: (_v, o) => <ObstacleStatusTag status={o.status} /> },
    { title: '办理期限', key: 'due', width: 190, render: (_v, o) => <DueText o={o} /> },
    { title: '责任单位', key: 'owner', width: 150, ellipsis: { showTitle: true }, render: (_v, o) => text(o.ownerOrgName) },
    { title: '包保领导', key: 'leader', width: 96, ellipsis: { showTitle: true }, render: (_v, o) => text(o.leaderName) },
    { title: '下一步', key: 'next', width: 150, render: (_v, o) => <NextCell o={o} /> },
    { title: '来源', key: 'source', width: 84, render: (_v, o) => <Typography.Text type="secondary">{o.sourceLabel}</Typography.Text> },
  ];
}
