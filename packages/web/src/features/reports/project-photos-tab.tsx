import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Empty, Flex, Image, Space, Tag, Typography } from 'antd';
import { AimOutlined, SwapOutlined } from '@ant-design/icons';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { PageSpin } from '../../components/page-state';
import { periodLabel } from '../periods/period-format';
import { ShootingPointsModal } from '../shooting-points/shooting-points-modal';
import { useProjectMedia } from './api';
import { CompareModal } from './compare-modal';
import { groupByPoint, photoMonths, type PointGroup } from './photo-groups';
import { PhotoTile, TILE_WIDTH } from './photo-tile';

// 影像对比 (月度影像资料递进比较): each shooting point's photos month by month, side by side,
// the latest month at the right; 对比 lays two months over each other.

const EMPTY_TIP = '尚未设置拍摄点位：设置点位后，每月在同一位置拍摄，便于对比工程进度';

function MonthColumn({ period, group }: { period: string; group: PointGroup }) {
  const items = group.byPeriod.get(period) ?? [];
  return (
    <div style={{ flex: `0 0 ${TILE_WIDTH}px` }} data-testid="month-column">
      <div className="num" style={{ fontWeight: 600, fontSize: 13, marginBottom: 6 }}>{periodLabel(period)}</div>
      {items.length ? (
        <Image.PreviewGroup>
          <Flex vertical gap={8}>{items.map((m) => <PhotoTile key={m.id} item={m} />)}</Flex>
        </Image.PreviewGroup>
      ) : (
        <div style={{ height: 126, display: 'grid', placeItems: 'center', background: '#fafafa', border: '1px dashed #d9d9d9', borderRadius: 4, color: '#bfbfbf', fontSize: 12 }}>
          本月尚无照片
        </div>
      )}
    </div>
  );
}

function PointRow({ group, periods, onCompare }: { group: PointGroup; periods: string[]; onCompare: () => void }) {
  const stripRef = useRef<HTMLDivElement>(null);
  const months = photoMonths(group);
  // The latest months matter most: start scrolled to the right end.
  useEffect(() => {
    const el = stripRef.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [periods.length]);
  return (
    <section style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }} data-testid="point-section">
      <Flex justify="space-between" align="flex-start" gap={8} wrap style={{ marginBottom: 8 }}>
        <div style={{ minWidth: 0 }}>
          <Space size={6} wrap>
            <Typography.Text strong><AimOutlined style={{ color: '#1d5fbf', marginInlineEnd: 4 }} />{group.name}</Typography.Text>
            {group.isRetired && <Tag bordered={false}>已停用</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{months.length} 个月有照片</Typography.Text>
          </Space>
          {group.description && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{group.description}</div>}
        </div>
        <Button icon={<SwapOutlined />} onClick={onCompare} disabled={months.length < 2} title={months.length < 2 ? '至少两个月有照片才能对比' : undefined} data-testid="point-compare">
          对比
        </Button>
      </Flex>
      <div ref={stripRef} style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="point-strip">
        {periods.map((p) => <MonthColumn key={p} period={p} group={group} />)}
      </div>
    </section>
  );
}

/** 影像对比 tab of a project. */
export function ProjectPhotosTab({ projectId }: { projectId: number }) {
  const me = useMe();
  const { data, error, isPending } = useProjectMedia(projectId);
  const [comparing, setComparing] = useState<string | null>(null);
  const [isManaging, setManaging] = useState(false);
  const groups = useMemo(() => (data ? groupByPoint(data) : []), [data]);
  const periods = useMemo(() => [...(data?.periods ?? [])].sort(), [data]);

  if (isPending) return <PageSpin />;
  if (error) return <Alert type="error" showIcon message="照片加载失败" description={errorMessage(error)} />;

  const canManage = me.can.managePoints;
  const compareGroup = groups.find((g) => g.key === comparing);
  const hasPoints = data.points.length > 0;

  return (
    <Flex vertical gap={12} data-testid="project-photos">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {hasPoints ? `${data.points.length} 个拍摄点位` : '未设置拍摄点位'} · {periods.length} 个月 · 照片和视频 {data.items.length} 个
        </Typography.Text>
        {canManage && <Button icon={<AimOutlined />} onClick={() => setManaging(true)} data-testid="points-manage">管理拍摄点位</Button>}
      </Flex>
      {!hasPoints && (
        <Alert
          type="info"
          showIcon
          data-testid="points-empty"
          message={EMPTY_TIP}
          action={canManage ? <Button size="small" type="primary" onClick={() => setManaging(true)}>设置点位</Button> : undefined}
        />
      )}
      {!periods.length ? (
        <Empty description="尚无月报照片：项目单位报送月报时上传的现场照片会按月份显示在这里" />
      ) : groups.map((g) => <PointRow key={g.key} group={g} periods={periods} onCompare={() => setComparing(g.key)} />)}
      {periods.length > 0 && !groups.length && <Empty description="已报送的月报中没有照片" />}
      {compareGroup && <CompareModal group={compareGroup} onClose={() => setComparing(null)} />}
      {isManaging && <ShootingPointsModal projectId={projectId} points={data.points} onClose={() => setManaging(false)} />}
    </Flex>
  );
}
