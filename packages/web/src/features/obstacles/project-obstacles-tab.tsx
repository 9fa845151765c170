import { useMemo, useState } from 'react';
import { Alert, Button, Grid, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { columnsWidth } from '../../components/table-width';
import { useObstacleList } from './api';
import { obstacleColumns } from './obstacle-columns';
import { ObstacleDialog } from './raise-obstacle-dialog';
import type { ObstacleSummary } from './types';

/** The project page's 问题 tab: every obstacle of the project, open ones first, and (for the office) raising one. */
export function ProjectObstaclesTab({ projectId }: { projectId: number }) {
  const me = useMe();
  const navigate = useNavigate();
  const [isRaising, setRaising] = useState(false);
  const isNarrow = Grid.useBreakpoint().md === false;
  const { data, error, isFetching } = useObstacleList({ projectId, pageSize: 200 });
  const cols = useMemo(() => obstacleColumns({ isNarrow, showProject: false }), [isNarrow]);
  const open = (data?.items ?? []).filter((o) => o.status !== 'closed').length;
  return (
    <div data-testid="project-obstacles">
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">{data ? `共 ${data.total} 个问题，未销号 ${open} 个` : ' '}</Typography.Text>
        {me.can.manageObstacles && <Button icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="project-obstacle-raise">登记问题</Button>}
      </Space>
      {error && <Alert type="error" showIcon message="问题加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<ObstacleSummary>
        size="small"
        bordered
        rowKey="id"
        className="ledger-table nowrap-head"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={isFetching && !data}
        scroll={isNarrow ? undefined : { x: columnsWidth(cols) }}
        pagination={false}
        onRow={(o) => ({ onClick: () => navigate(`/obstacles/${o.id}`) })}
        locale={{ emptyText: isFetching ? ' ' : '本项目没有登记的问题' }}
      />
      {isRaising && <ObstacleDialog projectId={projectId} onClose={() => setRaising(false)} />}
    </div>
  );
}
