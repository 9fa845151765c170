import { Alert, Button } from 'antd';
import { periodText, SUBJECT_LABEL, type SubjectKind } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { useExplanation } from './api';
import { FlagTag, score } from './score-marks';
import type { ExplainTarget } from './use-assessment-params';

// What a 责任单位 or a 包保领导 comes to the page for: where they stand this month, in one line
// above the ranking, with the way into the reasons (their row may be on another page).

function ownTargets(me: ReturnType<typeof useMe>): { kind: SubjectKind; id: number }[] {
  if (me.role === 'department' && me.orgId != null) {
    // A 乡镇园区's account is a department-role user of a township org: whichever ranks it.
    return [{ kind: 'department', id: me.orgId }, { kind: 'township', id: me.orgId }];
  }
  if (me.role === 'leader' && me.personId != null) return [{ kind: 'leader', id: me.personId }];
  return [];
}

export function OwnRank({ period, kinds, onOpen }: { period: string; kinds: SubjectKind[]; onOpen: (target: ExplainTarget) => void }) {
  const me = useMe();
  const targets = ownTargets(me).filter((t) => kinds.includes(t.kind));
  const first = useExplanation(period, targets[0]?.kind ?? 'department', targets[0]?.id ?? null);
  // Only when the first kind does not rank this org is the second asked.
  const second = useExplanation(period, targets[1]?.kind ?? 'township', first.isError ? targets[1]?.id ?? null : null);
  const found = first.data ?? second.data;
  if (!found) return null;
  const who = me.role === 'leader' ? '您' : '本单位';
  return (
    <Alert
      type={found.flag === 'yellow' ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="own-rank"
      message={
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }}>
          <span>
            {who}（{found.subject.name}）{periodText(period)}在{SUBJECT_LABEL[found.kind]}中排第 <b className="num">{found.rank}</b> 名（共 {found.of} 个），总分 <b className="num">{score(found.total)}</b>
          </span>
          <FlagTag flag={found.flag} />
        </span>
      }
      action={<Button size="small" type="link" onClick={() => onOpen({ kind: found.kind, id: found.subject.id })} data-testid="own-rank-explain">查看得分说明</Button>}
    />
  );
}
