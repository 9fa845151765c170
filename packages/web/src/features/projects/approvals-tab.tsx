import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Progress, Row, Select, Space, Table, Typography } from 'antd';
import { APPROVAL_ITEMS, APPROVAL_STATUSES, type ApprovalStatus } from '@tuijin/core';
import { isApiError } from '../../app/api-client';
import { DateInput } from '../../components/date-input';
import { ApprovalStatusTag } from '../../components/tags';
import { text } from '../../components/format';
import { today } from '../../components/year-select';
import { useSaveApproval, type ApprovalBody } from './api';
import type { Approval, ProjectDetail } from './types';
import { useWriteError } from './use-write-error';

type Values = Omit<ApprovalBody, 'version'>;

function ApprovalModal({ detail, approval, onClose }: { detail: ProjectDetail; approval: Approval; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveApproval(detail.id);
  const onWriteError = useWriteError(detail.id);
  const [errors, setErrors] = useState<string[]>([]);
  const status = Form.useWatch('status', form);

  const submit = async (v: Values) => {
    setErrors([]);
    try {
      await save.mutateAsync({
        item: approval.item,
        body: {
          status: v.status, doneDate: v.doneDate ?? null, docNo: v.docNo?.trim() || null, authority: v.authority?.trim() || null,
          note: v.note?.trim() || null, version: approval.version ?? undefined,
        },
      });
      message.success('已保存');
      onClose();
    } catch (error) {
      const rest = onWriteError(error, form, { fields: ['status', 'doneDate', 'docNo', 'authority', 'note'] });
      if (isApiError(error, 'version_conflict')) onClose();
      else setErrors(rest);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={APPROVAL_ITEMS.label[approval.item]}
      onCancel={onClose}
      maskClosable={false}
      data-testid="approval-modal"
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="approval-save">保存</Button>,
      ]}
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={approval} onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="status" label="办理状态" rules={[{ required: true, message: '请选择状态' }]}>
              <Select options={APPROVAL_STATUSES.options} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="doneDate" label="办结日期" rules={[{ required: status === 'done', message: '已办结的手续必须填写办结日期' }]}>
              <DateInput maxDate={today()} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="docNo" label="批复文号 / 证书编号" rules={[{ max: 100, message: '不能超过 100 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="authority" label="审批部门" rules={[{ max: 100, message: '不能超过 100 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注" rules={[{ max: 500, message: '不能超过 500 个字' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="办理进展、存在问题等" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** 前期手续: the approvals checklist; the status is changed right in the list. */
export function ApprovalsTab({ detail }: { detail: ProjectDetail }) {
  const [editing, setEditing] = useState<Approval | null>(null);
  const { message } = App.useApp();
  const save = useSaveApproval(detail.id);
  const onWriteError = useWriteError(detail.id);
  const order = APPROVAL_ITEMS.ids;
  const rows = [...detail.approvals].sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
  const needed = rows.filter((a) => a.status !== 'not_required');
  const done = needed.filter((a) => a.status === 'done').length;

  const changeStatus = async (approval: Approval, status: ApprovalStatus) => {
    // 已办结 needs its date (and usually the document number): ask for them.
    if (status === 'done' && !approval.doneDate) {
      setEditing({ ...approval, status, doneDate: today() });
      return;
    }
    try {
      const { doneDate, docNo, authority, note } = approval;
      await save.mutateAsync({ item: approval.item, body: { status, doneDate, docNo, authority, note, version: approval.version ?? undefined } });
      message.success(`「${APPROVAL_ITEMS.label[approval.item]}」已改为${APPROVAL_STATUSES.label[status]}`);
    } catch (e) {
      const rest = onWriteError(e);
      if (rest.length) message.error(rest.join('；'));
    }
  };

  return (
    <>
      <Space align="center" size={16} style={{ marginBottom: 12 }} data-testid="approvals-summary">
        <Typography.Text>需办理 {needed.length} 项，已办结 {done} 项</Typography.Text>
        <Progress percent={needed.length ? Math.round((done / needed.length) * 100) : 0} size="small" style={{ width: 200, margin: 0 }} />
      </Space>
      <Table<Approval>
        size="small"
        bordered
        rowKey="item"
        pagination={false}
        dataSource={rows}
        data-testid="approvals-table"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '序号', key: 'n', width: 56, align: 'center', render: (_v, _a, i) => i + 1 },
          { title: '手续事项', dataIndex: 'item', width: 220, render: (item: Approval['item']) => APPROVAL_ITEMS.label[item] ?? item },
          {
            title: '办理状态', dataIndex: 'status', width: 130,
            render: (status: ApprovalStatus, a) => detail.canEdit
              ? <Select size="small" value={status} options={APPROVAL_STATUSES.options} style={{ width: 110 }} onChange={(s) => void changeStatus(a, s)} data-testid={`approval-status-${a.item}`} />
              : <ApprovalStatusTag status={status} />,
          },
          { title: '办结日期', dataIndex: 'doneDate', width: 110, render: (v: string | null) => <span className="num">{text(v)}</span> },
          { title: '文号 / 证号', dataIndex: 'docNo', width: 180, render: (v: string | null) => text(v) },
          { title: '审批部门', dataIndex: 'authority', width: 150, render: (v: string | null) => text(v) },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => text(v) },
          ...(detail.canEdit
            ? [{ title: '操作', key: 'op', width: 70, render: (_v: unknown, a: Approval) => <Button type="link" size="small" onClick={() => setEditing(a)}>详情</Button> }]
            : []),
        ]}
      />
      {editing && <ApprovalModal detail={detail} approval={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
