import { useState } from 'react';
import { Alert, App, Button, Checkbox, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../app/api-client';
import type { PeriodView } from '../reports/types';
import { useClosePeriod } from './api';
import { periodLabel, unsentCount } from './period-format';

/**
 * 关闭月报: the month stops taking reports and reviews. What is still missing is said plainly
 * before the click; the month's archive (the "光盘" the summary burned) is built afterwards.
 */
export function ClosePeriodModal({ period, onClose, onClosed }: { period: PeriodView; onClose: () => void; onClosed: (isArchiving: boolean) => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const close = useClosePeriod(period.id);
  const [isArchive, setArchive] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const unsent = unsentCount(period);
  const waiting = period.counts.submitted;

  const submit = async () => {
    setError(null);
    try {
      await close.mutateAsync({ version: period.version, archive: isArchive });
      message.success(`${periodLabel(period.period)}月报已关闭${isArchive ? '，正在生成月度归档' : ''}`);
      onClosed(isArchive);
    } catch (e) {
      if (isApiError(e, 'version_conflict')) {
        void client.invalidateQueries({ queryKey: ['periods', period.id] });
        message.warning('本月月报刚被他人修改，页面已刷新，请核对后重新操作');
        onClose();
        return;
      }
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={`关闭${periodLabel(period.period)}月报`}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" danger loading={close.isPending} onClick={() => void submit()} data-testid="period-close-confirm">关闭月报</Button>,
      ]}
      data-testid="period-close-modal"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {unsent + waiting > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="period-close-warning"
          message={[
            unsent ? `还有 ${unsent} 份未报送（未填报 ${period.counts.notStarted}、草稿 ${period.counts.draft}、已退回 ${period.counts.returned}）` : '',
            waiting ? `${waiting} 份已报送尚未审核` : '',
          ].filter(Boolean).join('；')}
          description="关闭后，项目单位不能再报送或修改本月月报，责任单位也不能再审核；如有需要可重新开启。"
        />
      ) : (
        <Typography.Paragraph>本月 {period.counts.total} 份月报已全部报送并审核。关闭后不能再报送或修改。</Typography.Paragraph>
      )}
      <Checkbox checked={isArchive} onChange={(e) => setArchive(e.target.checked)} data-testid="period-close-archive">
        生成月度归档
      </Checkbox>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px', fontSize: 12 }}>
        将本月全部月报、照片和视频打包为离线归档（可刻录光盘存档报送），在后台生成，完成后可在本页下载。
      </Typography.Paragraph>
    </Modal>
  );
}
