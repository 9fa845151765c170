import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select } from 'antd';
import { NODE_KINDS, type NodeKind } from '@tuijin/core';
import { isApiError } from '../../app/api-client';
import { DateInput } from '../../components/date-input';
import { OrgSelect } from '../../components/ref-selects';
import { useSaveNode } from './api';
import type { ProjectDetail, ProjectNode } from './types';
import { useWriteError } from './use-write-error';

interface Values {
  kind: NodeKind;
  name: string;
  plannedDate: string;
  actualDate: string | null;
  responsibleOrgId: number | null;
  note?: string | null;
}

const NODE_FIELDS = ['kind', 'name', 'plannedDate', 'actualDate', 'responsibleOrgId', 'note'];

export function NodeFormModal({ detail, node, onClose }: { detail: ProjectDetail; node: ProjectNode | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveNode(detail.id);
  const onWriteError = useWriteError(detail.id);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async (v: Values) => {
    setErrors([]);
    const body = {
      kind: v.kind, name: v.name.trim(), plannedDate: v.plannedDate, actualDate: v.actualDate ?? null,
      responsibleOrgId: v.responsibleOrgId ?? null, note: v.note?.trim() || null,
    };
    try {
      await save.mutateAsync({ nodeId: node?.id, body, version: node?.version });
      message.success(node ? '关键节点已修改' : '关键节点已添加');
      onClose();
    } catch (error) {
      const rest = onWriteError(error, form, { fields: NODE_FIELDS });
      if (isApiError(error, 'version_conflict')) onClose();
      else setErrors(rest);
    }
  };

  /** Picking a kind names the node after it, unless a name was already typed. */
  const onKindChange = (kind: NodeKind) => {
    const name = form.getFieldValue('name') as string | undefined;
    const isDefaultName = !name || NODE_KINDS.options.some((o) => o.label === name);
    if (isDefaultName) form.setFieldValue('name', NODE_KINDS.label[kind]);
  };

  return (
    <Modal
      open
      width={720}
      title={node ? '编辑关键节点' : '添加关键节点'}
      onCancel={onClose}
      maskClosable={false}
      data-testid="node-modal"
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="node-save">保存</Button>,
      ]}
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={node ?? { actualDate: null, responsibleOrgId: detail.responsibleOrgId }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label="节点类型" rules={[{ required: true, message: '请选择节点类型' }]}>
              <Select options={NODE_KINDS.options} onChange={onKindChange} placeholder="选择类型" data-testid="node-kind" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label="节点名称" rules={[{ required: true, whitespace: true, message: '请填写节点名称' }, { max: 100, message: '不能超过 100 个字' }]}>
              <Input placeholder="如：主体结构封顶" data-testid="node-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="plannedDate" label="计划完成日期" rules={[{ required: true, message: '请选择计划日期' }]}>
              <DateInput data-testid="node-planned" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="actualDate" label="实际完成日期">
              <DateInput placeholder="完成后填写" data-testid="node-actual" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="responsibleOrgId" label="责任单位">
              <OrgSelect kind="department" currentLabel={node?.responsibleOrgName ?? detail.responsibleOrgName} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
