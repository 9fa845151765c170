import { useState } from 'react';
import { App, Button, Empty, Flex, Form, Input, List, Modal, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../app/api-client';
import type { ShootingPoint } from '../reports/types';
import { useCreatePoint, useDeletePoint, useUpdatePoint, type PointBody } from './api';

// 拍摄点位 of a project: named places the site is photographed from every month. Retiring a
// point keeps its photos (they stay under its name); a rename shows on all of them.

function useWriteError(projectId: number) {
  const { message } = App.useApp();
  const client = useQueryClient();
  return (error: unknown) => {
    if (isApiError(error, 'version_conflict')) {
      void client.invalidateQueries({ queryKey: ['project', projectId, 'media'] });
      message.warning('该点位刚被他人修改，已载入最新内容，请核对后重新操作');
      return;
    }
    message.error(errorMessage(error));
  };
}

function PointRow({ projectId, point }: { projectId: number; point: ShootingPoint }) {
  const { message } = App.useApp();
  const [isEditing, setEditing] = useState(false);
  const [form] = Form.useForm<PointBody>();
  const update = useUpdatePoint(projectId);
  const remove = useDeletePoint(projectId);
  const onError = useWriteError(projectId);
  const version = point.version ?? 1;

  const save = async (values: PointBody) => {
    try {
      await update.mutateAsync({ id: point.id, version, name: values.name.trim(), description: values.description?.trim() || null });
      message.success('已保存');
      setEditing(false);
    } catch (error) {
      onError(error);
    }
  };

  if (isEditing) {
    return (
      <List.Item>
        <Form<PointBody> form={form} layout="inline" initialValues={{ name: point.name, description: point.description }} onFinish={(v) => void save(v)} style={{ width: '100%', rowGap: 8 }}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写点位名称' }, { max: 60, message: '不能超过 60 个字' }]} style={{ flex: '1 1 160px' }}>
            <Input placeholder="点位名称" data-testid="point-edit-name" />
          </Form.Item>
          <Form.Item name="description" rules={[{ max: 500, message: '不能超过 500 个字' }]} style={{ flex: '2 1 200px' }}>
            <Input placeholder="拍摄说明（选填）" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="point-edit-save">保存</Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      </List.Item>
    );
  }
  return (
    <List.Item
      data-testid="point-row"
      actions={[
        <Button key="edit" type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>重命名</Button>,
        <Popconfirm
          key="delete"
          title={`停用点位「${point.name}」？`}
          description="已拍摄的照片保留在该点位名下，今后上传时不再可选。"
          okText="停用"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => remove.mutateAsync({ id: point.id, version }).then(() => message.success('已停用'), onError)}
        >
          <Button type="link" size="small" danger icon={<DeleteOutlined />}>删除</Button>
        </Popconfirm>,
      ]}
    >
      <List.Item.Meta title={point.name} description={point.description ?? undefined} />
    </List.Item>
  );
}

export function ShootingPointsModal({ projectId, points, onClose }: { projectId: number; points: ShootingPoint[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PointBody>();
  const create = useCreatePoint(projectId);
  const onError = useWriteError(projectId);

  const add = async (values: PointBody) => {
    try {
      await create.mutateAsync({ name: values.name.trim(), description: values.description?.trim() || null });
      message.success(`已添加点位「${values.name.trim()}」`);
      form.resetFields();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Modal open title="拍摄点位" footer={<Button onClick={onClose}>完成</Button>} onCancel={onClose} width={640} data-testid="points-modal">
      <Typography.Paragraph type="secondary">
        设置项目现场的固定拍摄位置（如「东北角塔吊旁，朝西南」）。项目单位每月上传照片时选择点位，在同一位置、同一角度拍摄，便于逐月对比工程进度。
      </Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={points}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未设置拍摄点位" /> }}
        renderItem={(point) => <PointRow key={`${point.id}-${point.version ?? 0}`} projectId={projectId} point={point} />}
      />
      <Form<PointBody> form={form} layout="vertical" onFinish={(v) => void add(v)} style={{ marginTop: 16 }}>
        <Flex gap={8} wrap align="flex-start">
          <Form.Item
            name="name"
            label="新点位名称"
            rules={[
              { required: true, whitespace: true, message: '请填写点位名称' },
              { max: 60, message: '不能超过 60 个字' },
              { validator: (_r, v: string | undefined) => (v && points.some((p) => p.name === v.trim()) ? Promise.reject(new Error('已有同名点位')) : Promise.resolve()) },
            ]}
            style={{ flex: '1 1 160px', marginBottom: 8 }}
          >
            <Input placeholder="如：南侧大门" data-testid="point-new-name" />
          </Form.Item>
          <Form.Item name="description" label="拍摄说明" rules={[{ max: 500, message: '不能超过 500 个字' }]} style={{ flex: '2 1 220px', marginBottom: 8 }}>
            <Input placeholder="选填：站位和朝向" data-testid="point-new-description" />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending} data-testid="point-add">添加点位</Button>
      </Form>
    </Modal>
  );
}
