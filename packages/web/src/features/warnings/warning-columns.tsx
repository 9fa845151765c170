import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { dateTime, numberCell, text } from '../../components/format';
import type { WarningItem } from './types';
import { WarningLevelTag } from './warning-tags';

// The warnings table: what is wrong (level, rule, reason), with whom (project, department,
// leader, township or county) and since when. A phone keeps the level, the project and why.

const projectCell = (w: WarningItem) => (
  <div style={{ minWidth: 0 }}>
    <Link to={`/projects/${w.projectId}?tab=warnings`} onClick={(e) => e.stopPropagation()}>{w.projectName}</Link>
    {w.projectCode && <div className="num" style={{ color: '#8c8c8c', fontSize: 12 }}>{w.projectCode}</div>}
  </div>
);

export function warningColumns({ isNarrow, showRegion }: { isNarrow: boolean; showRegion: boolean }): TableColumnsType<WarningItem> {
  if (isNarrow) {
    return [
      { title: '等级', key: 'level', width: 56, render: (_v, w) => <WarningLevelTag level={w.level} short /> },
      {
        title: '项目与原因', key: 'project', width: 280,
        render: (_v, w) => (
          <div>
            {projectCell(w)}
            <div style={{ fontWeight: 500, marginTop: 2 }}>{w.ruleLabel}</div>
            <div style={{ color: '#595959', fontSize: 12 }}>{w.reason}</div>
          </div>
        ),
      },
    ];
  }
  return [
    { title: '等级', key: 'level', width: 84, render: (_v, w) => <WarningLevelTag level={w.level} /> },
    { title: '项目', key: 'project', width: 180, render: (_v, w) => projectCell(w) },
    { title: '预警类型', dataIndex: 'ruleLabel', width: 130 },
    { title: '原因', dataIndex: 'reason', width: 330, render: (v: string) => <span style={{ color: '#262626' }}>{v}</span> },
    ...(showRegion ? [{ title: '县（市、区）', dataIndex: 'regionName', width: 104 }] : []),
    { title: '责任单位', dataIndex: 'responsibleOrgName', width: 128, render: (v: string | null) => text(v) },
    { title: '包保领导', dataIndex: 'leaderName', width: 80, render: (v: string | null) => text(v) },
    ...(showRegion ? [] : [{ title: '乡镇园区', dataIndex: 'townshipName', width: 104, render: (v: string | null) => text(v) }]),
    // The day it was raised; the exact time is in the project's history.
    { title: '预警日期', dataIndex: 'since', width: 96, render: (v: string) => <span style={numberCell} title={dateTime(v)}>{dateTime(v).slice(0, 10)}</span> },
  ];
}
