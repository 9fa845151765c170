import { useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { addMonths, type BulletinListItem } from '@tuijin/core';
import { errorMessage, isApiError } from '../../app/api-client';
import { MonthInput } from '../../components/date-input';
import { today } from '../../components/year-select';
import { periodLabel } from '../periods/period-format';
import { useCreateBulletin } from './api';

// 起草通报: the office picks the month (last month by default: a bulletin reports a month that
// has ended) and the draft is written from its data. A month that already has its bulletin is
// opened instead of drafted twice.

/** A month drafted meanwhile (by a colleague, after this list was read): the refusal names its bulletin. */
function draftedMeanwhile(error: unknown): number | null {
  if (!isApiError(error, 'conflict')) return null;
  const id = (error.details as { bulletinId?: unknown } | null)?.bulletinId;
  return typeof id === 'number' ? id : null;
}

/** `existing`: the bulletins of the office's own region. */
export function DraftModal({ existing, onOpen, onClose }: { existing: BulletinListItem[]; onOpen: (id: number) => void; onClose: () => void }) {
  const { message } = App.useApp();
  const thisMonth = today().slice(0, 7);
  const [period, setPeriod] = useState<string | null>(addMonths(thisMonth, -1));
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateBulletin();
  const found = period ? existing.find((b) => b.period === period) : undefined;

  const submit = async () => {
    setProblem(null);
    if (!period) {
      setProblem('请选择通报月份');
      return;
    }
    if (found) {
      onOpen(found.id);
      return;
    }
    try {
      const created = await create.mutateAsync({ period });
      message.success(`${periodLabel(period)}通报已起草，请核对各段文字`);
      onOpen(created.id);
    } catch (error) {
      const id = draftedMeanwhile(error);
      if (id != null) {
        message.info(`${periodLabel(period)}的通报已经起草过，已为您打开`);
        onOpen(id);
        return;
      }
      setProblem(errorMessage(error));
    }
  };

  return (
    <Modal
      open
      title="起草月度通报"
      width={440}
      okText={found ? '打开已有通报' : '起草'}
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      okButtonProps={{ 'data-testid': 'bulletin-draft-ok' }}
      data-testid="bulletin-draft-modal"
    >
      <Form layout="vertical">
        <Form.Item label="通报月份" required extra="按所选月份已审核的月报、预警、问题、督导检查、考核排名和照片自动生成初稿，可再修改。">
          <MonthInput value={period} onChange={(v) => { setPeriod(v); setProblem(null); }} maxDate={`${thisMonth}-01`} data-testid="bulletin-draft-period" />
        </Form.Item>
      </Form>
      {found && (
        <Typography.Paragraph type="secondary" data-testid="bulletin-draft-exists">
          {periodLabel(found.period)}的通报已经起草{found.status === 'published' ? '并发布' : ''}，将直接打开。
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon message={problem} data-testid="bulletin-draft-error" />}
    </Modal>
  );
}
