import { App, Form, Input, Select, Typography } from 'antd';
import { OBSTACLE_STAGE_LABEL, OBSTACLE_STAGES, needsDocNo, stageRank, type ObstacleStage } from '@tuijin/core';
import { SaveDialog, useDialogSave } from '../../components/save-dialog';
import { useCloseObstacle, useEscalateObstacle, useReopenObstacle, useResolveObstacle } from './api';
import type { ObstacleView } from './types';

// One dialog per move on the ladder. Each sends the version the page showed, so a move made on a
// stale view is refused (409) and explained rather than applied.

export type LadderMove = 'escalate' | 'resolve' | 'close' | 'reopen';

interface Props { o: ObstacleView; onClose: () => void }

function EscalateDialog({ o, onClose }: Props) {
  const [form] = Form.useForm<{ to: ObstacleStage; docNo?: string; note?: string }>();
  const { message } = App.useApp();
  const escalate = useEscalateObstacle(o.id);
  const { errors, run } = useDialogSave(form, { fields: ['to', 'docNo', 'note'] }, onClose);
  const higher = OBSTACLE_STAGES.filter((s) => stageRank(s) > stageRank(o.stage));
  const to = Form.useWatch('to', form) ?? higher[0];
  return (
    <SaveDialog title="升级督办" testId="obstacle-escalate" okText="升级" saving={escalate.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        当前为「{OBSTACLE_STAGE_LABEL[o.stage]}」。升级后通知责任单位，并按新层级重新计时；到期仍未办结的，系统继续自动升级。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ to: higher[0] }}
        onFinish={(v) => void run(async () => {
          await escalate.mutateAsync({ version: o.version, to: v.to, docNo: v.docNo?.trim() || null, note: v.note?.trim() || null });
          message.success(`已升级为${OBSTACLE_STAGE_LABEL[v.to]}，已通知责任单位`);
          onClose();
        })}
      >
        <Form.Item name="to" label="升级到" rules={[{ required: true, message: '请选择督办层级' }]}>
          <Select options={higher.map((s) => ({ value: s, label: OBSTACLE_STAGE_LABEL[s] }))} data-testid="obstacle-escalate-to" />
        </Form.Item>
        <Form.Item
          name="docNo"
          label="督办单号"
          rules={[{ required: needsDocNo(to), whitespace: true, message: '升级为督办必须填写督办单号' }, { max: 60, message: '不能超过 60 个字' }]}
          extra={needsDocNo(to) ? '督办须下发督办通知单，填写其编号，如：县重点办督〔2026〕12号' : '选填'}
        >
          <Input placeholder="县重点办督〔2026〕12号" data-testid="obstacle-doc-no" />
        </Form.Item>
        <Form.Item name="note" label="督办要求" rules={[{ max: 1000, message: '不能超过 1000 个字' }]}>
          <Input.TextArea rows={3} placeholder="选填，如：请于两周内协调解决并书面报告" data-testid="obstacle-escalate-note" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

function ResolveDialog({ o, onClose }: Props) {
  const [form] = Form.useForm<{ resolution: string }>();
  const { message } = App.useApp();
  const resolve = useResolveObstacle(o.id);
  const { errors, run } = useDialogSave(form, { fields: ['resolution'] }, onClose);
  return (
    <SaveDialog title="报告办结" testId="obstacle-resolve" okText="报告办结" saving={resolve.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}>
      <Typography.Paragraph type="secondary">写明问题如何解决、依据什么（批复文号、到位金额、完成时间）。重点项目办核实后销号；未解决的将退回重办。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void run(async () => {
          await resolve.mutateAsync({ version: o.version, resolution: v.resolution.trim() });
          message.success('已报告办结，等待重点项目办销号');
          onClose();
        })}
      >
        <Form.Item name="resolution" label="办结情况" rules={[{ required: true, whitespace: true, message: '请填写办结情况' }, { max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={4} placeholder="如：用地指标已于 6 月 20 日由市自然资源局批复（市自然资函〔2026〕88号）" data-testid="obstacle-resolution" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

function ConfirmDialog({ o, onClose, move }: Props & { move: 'close' | 'reopen' }) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const close = useCloseObstacle(o.id);
  const reopen = useReopenObstacle(o.id);
  const { errors, run } = useDialogSave(form, { fields: ['note'] }, onClose);
  const isClose = move === 'close';
  return (
    <SaveDialog
      title={isClose ? '销号' : '退回重办'} testId={`obstacle-${move}`} okText={isClose ? '确认销号' : '退回'}
      saving={close.isPending || reopen.isPending} errors={errors} onSave={() => form.submit()} onClose={onClose}
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">办结情况（{o.resolvedByName ?? '责任单位'}）：</Typography.Text>
        <span style={{ whiteSpace: 'pre-wrap' }}>{o.resolution}</span>
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void run(async () => {
          const note = v.note?.trim() || null;
          if (isClose) await close.mutateAsync({ version: o.version, note });
          else await reopen.mutateAsync({ version: o.version, note: note ?? '' });
          message.success(isClose ? '问题已销号' : `已退回重办，仍为「${OBSTACLE_STAGE_LABEL[o.stage]}」`);
          onClose();
        })}
      >
        <Form.Item
          name="note"
          label={isClose ? '核实情况' : '退回理由'}
          rules={[{ required: !isClose, whitespace: true, message: '请写明退回理由' }, { max: 1000, message: '不能超过 1000 个字' }]}
        >
          <Input.TextArea rows={3} placeholder={isClose ? '选填，如：经现场核实，用地手续已办结' : '如：资金尚未到位，请继续协调'} data-testid="obstacle-confirm-note" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

export function LadderDialog({ move, ...props }: Props & { move: LadderMove }) {
  if (move === 'escalate') return <EscalateDialog {...props} />;
  if (move === 'resolve') return <ResolveDialog {...props} />;
  return <ConfirmDialog {...props} move={move} />;
}
