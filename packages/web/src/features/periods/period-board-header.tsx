import { Alert, App, Button, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, LockOutlined, ReloadOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../app/api-client';
import { useMe } from '../../app/auth';
import { dateTime } from '../../components/format';
import { today } from '../../components/year-select';
import type { PeriodView } from '../reports/types';
import { useRebuildArchive, useReopenPeriod } from './api';
import { daysOverdue, fileSize, periodLabel } from './period-format';
import { PeriodStatusTag } from './period-progress';

interface Props {
  period: PeriodView;
  isArchiving: boolean;
  onEditDeadline: () => void;
  onClosePeriod: () => void;
  onArchiving: () => void;
}

function DeadlineNote({ period }: { period: PeriodView }) {
  const now = today();
  if (period.status !== 'open') return null;
  const late = daysOverdue(period.deadline, now);
  if (late > 0) return <Typography.Text type="danger">（已过 {late} 天）</Typography.Text>;
  const left = daysOverdue(now, period.deadline);
  return <Typography.Text type={left <= 3 ? 'warning' : 'secondary'}>（{left === 0 ? '今天截止' : `距截止还有 ${left} 天`}）</Typography.Text>;
}

/** The month's title line: status, deadline, and the office's verbs (close, reopen, archive). */
export function PeriodBoardHeader({ period, isArchiving, onEditDeadline, onClosePeriod, onArchiving }: Props) {
  const me = useMe();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const reopen = useReopenPeriod(period.id);
  const rebuild = useRebuildArchive(period.id);
  const canManage = period.canManage;

  const onWriteError = (error: unknown) => {
    if (isApiError(error, 'version_conflict')) {
      void client.invalidateQueries({ queryKey: ['periods', period.id] });
      message.warning('本月月报刚被他人修改，页面已刷新，请核对后重新操作');
      return;
    }
    message.error(errorMessage(error));
  };

  const confirmReopen = () => modal.confirm({
    title: `重新开启${periodLabel(period.period)}月报？`,
    content: `重新开启后，项目单位可以继续报送和修改，责任单位可以继续审核。${period.archive ? '已生成的月度归档将作废，再次关闭时重新生成。' : ''}`,
    okText: '重新开启',
    cancelText: '取消',
    onOk: async () => {
      try {
        await reopen.mutateAsync({ version: period.version });
        message.success('已重新开启');
      } catch (error) {
        onWriteError(error);
      }
    },
  });

  const startArchive = async () => {
    try {
      await rebuild.mutateAsync();
      onArchiving();
    } catch (error) {
      onWriteError(error);
    }
  };

  return (
    <div className="page-card" data-testid="period-header">
      <div className="page-title" style={{ marginBottom: 4 }}>
        <Space align="center" size={8} wrap>
          <h1>{periodLabel(period.period)}月报进度</h1>
          <PeriodStatusTag period={period} />
          {period.isAutoOpened && <Tag bordered={false} color="cyan">自动开启</Tag>}
          {period.regionCode !== me.regionCode && <Tag bordered={false}>{period.regionName}</Tag>}
        </Space>
        {canManage && (
          period.status === 'open'
            ? <Button danger icon={<LockOutlined />} onClick={onClosePeriod} data-testid="period-close">关闭月报</Button>
            : <Button icon={<UnlockOutlined />} onClick={confirmReopen} loading={reopen.isPending} data-testid="period-reopen">重新开启</Button>
        )}
      </div>
      <div className="meta-line" style={{ marginTop: 0 }}>
        <span data-testid="period-deadline">
          报送截止：<span className="num" style={{ color: '#262626' }}>{period.deadline}</span>
          <DeadlineNote period={period} />
          {canManage && <Button type="link" size="small" icon={<EditOutlined />} onClick={onEditDeadline} data-testid="period-edit-deadline">修改</Button>}
        </span>
        <span>开启于 <span className="num">{dateTime(period.openedAt)}</span></span>
        {period.closedAt && <span>关闭于 <span className="num">{dateTime(period.closedAt)}</span></span>}
        {period.note && <span style={{ whiteSpace: 'normal' }}>说明：{period.note}</span>}
      </div>
      {(period.archive || period.status === 'closed') && (
        <Alert
          style={{ marginTop: 12 }}
          type={period.archive ? 'success' : 'info'}
          showIcon
          icon={isArchiving ? <Spin size="small" /> : undefined}
          data-testid="period-archive"
          message={
            isArchiving ? '正在生成月度归档（月报、照片、视频的离线副本），完成后即可下载…'
              : period.archive ? <>月度归档已生成：<span className="num">{dateTime(period.archive.at)}</span>{period.archive.size != null && <span className="num">，{fileSize(period.archive.size)}</span>}</>
                : '本月尚未生成月度归档。'
          }
          action={!isArchiving && (canManage || period.canDownloadArchive) && (
            <Space wrap>
              {period.archive && period.canDownloadArchive && (
                <Button type="primary" size="small" icon={<DownloadOutlined />} href={period.archive.url} download data-testid="period-archive-download">下载归档</Button>
              )}
              {canManage && (
                <Button size="small" icon={<ReloadOutlined />} loading={rebuild.isPending} onClick={() => void startArchive()} data-testid="period-archive-rebuild">
                  {period.archive ? '重新生成归档' : '生成归档'}
                </Button>
              )}
            </Space>
          )}
        />
      )}
    </div>
  );
}
