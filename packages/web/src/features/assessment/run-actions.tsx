import { App, Button, Space, Tooltip, Typography } from 'antd';
import { CalculatorOutlined, SendOutlined } from '@ant-design/icons';
import { periodText } from '@tuijin/core';
import { errorMessage } from '../../app/api-client';
import { useComputeScores, usePublishScores } from './api';
import { RunStatusTag, runLine } from './score-marks';
import type { ScoreRun } from './types';

// A month's run: its state in one line, and for the office 计分/重新计分 and 发布考核结果.
// Publishing freezes the month (the bulletin quotes it), so scoring again is refused after it.

/** Readers other than the office see a month once it is published; before that it is simply not out. */
export function RunLine({ run, period, canManage }: { run: ScoreRun | null; period: string; canManage: boolean }) {
  if (!run) return <Typography.Text type="secondary" data-testid="run-line">{periodText(period)}{canManage ? '尚未计分' : '考核结果尚未发布'}</Typography.Text>;
  return (
    <Space size={8} wrap data-testid="run-line">
      <RunStatusTag run={run} />
      <Typography.Text type="secondary">{runLine(run)}</Typography.Text>
    </Space>
  );
}

export function RunActions({ run, period }: { run: ScoreRun | null; period: string }) {
  const { message, modal } = App.useApp();
  const compute = useComputeScores();
  const publish = usePublishScores();
  const isPublished = run?.status === 'published';
  const month = periodText(period);

  const doCompute = async () => {
    try {
      const r = await compute.mutateAsync({ period });
      message.success(`${month}已计分：${r.run.projects} 个项目`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const askCompute = () => {
    if (!run) return void doCompute();
    // Scoring again replaces the draft everyone may already have read.
    modal.confirm({
      title: `重新计分${month}？`,
      content: '将按本月施行的考核办法和当前数据重新计算，替换现有草稿排名。',
      okText: '重新计分',
      cancelText: '取消',
      onOk: doCompute,
    });
  };
  const askPublish = () => {
    if (!run) return;
    modal.confirm({
      title: `发布${month}考核结果？`,
      content: (
        <div data-testid="publish-confirm">
          发布后{month}的得分和排名即冻结，不能再重新计分；此后修订考核办法只能从下个月起施行。
          月度通报和年度考核引用发布后的结果。
        </div>
      ),
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await publish.mutateAsync({ period, version: run.version });
          message.success(`${month}考核结果已发布`);
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  return (
    <Space wrap>
      <Tooltip title={isPublished ? `${month}考核结果已发布，不能重新计分` : undefined}>
        <Button icon={<CalculatorOutlined />} onClick={askCompute} loading={compute.isPending} disabled={isPublished} data-testid="score-compute">
          {run ? '重新计分' : '计分'}
        </Button>
      </Tooltip>
      {run && !isPublished && (
        <Button type="primary" icon={<SendOutlined />} onClick={askPublish} loading={publish.isPending} data-testid="score-publish">发布考核结果</Button>
      )}
    </Space>
  );
}
