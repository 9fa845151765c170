import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { STAGE_LABEL, type Stage } from '@tuijin/core';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../app/api-client';
import { DateInput } from '../../components/date-input';
import { StageTag } from '../../components/tags';
import { today } from '../../components/year-select';
import { projectKey, useStageTransition } from './api';
import type { ProjectDetail } from './types';

interface Values {
  to: Stage;
  date: string;
  note?: string;
}

/** Moves a project along its life (签约 → 前期 → 在建 …); the server allows only `nextStages`. */
export function StageTransitionModal({ detail, open, onClose }: { detail: ProjectDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const move = useStageTransition(detail.id);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();

  const submit = async (values: Values) => {
    setError(null);
    try {
      await move.mutateAsync({ to: values.to, date: values.date, note: values.note?.trim() || null, version: detail.version });
      message.success(`项目阶段已变更为「${STAGE_LABEL[values.to]}」`);
      form.resetFields();
      onClose();
    } catch (e) {
      if (isApiError(e, 'version_conflict')) {
        void client.invalidateQueries({ queryKey: projectKey(detail.id) });
        setError('该项目已被他人修改，页面已载入最新内容，请确认后重新操作。');
        return;
      }
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      title="变更项目阶段"
      okText="确认变更"
      cancelText="取消"
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="stage-modal"
    >
      <div style={{ marginBottom: 16 }}>当前阶段：<StageTag stage={detail.stage} />{detail.stageDate ? `（${detail.stageDate} 起）` : ''}</div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ date: today() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="to" label="变更为" rules={[{ required: true, message: '请选择目标阶段' }]}>
          <Select
            placeholder="选择阶段"
            data-testid="stage-to"
            options={detail.nextStages.map((s) => ({ value: s, label: STAGE_LABEL[s] }))}
          />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]} extra="该阶段实际开始的日期，如开工日期、竣工日期">
          <DateInput maxDate={today()} data-testid="stage-date" />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如停缓建原因、依据文件等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
