import { useState } from 'react';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { NODE_KINDS, daysBetween, type NodeKind } from '@tuijin/core';
import { text } from '../../components/format';
import { today } from '../../components/year-select';
import { useDeleteNode } from './api';
import { NodeFormModal } from './node-form-modal';
import type { ProjectDetail, ProjectNode } from './types';
import { useWriteError } from './use-write-error';

/** Overdue: the planned date has passed and no actual date is recorded. */
export function isOverdue(node: ProjectNode, on: string): boolean {
  return !node.actualDate && node.plannedDate < on;
}

function statusOf(node: ProjectNode, on: string) {
  if (node.actualDate) {
    const late = daysBetween(node.plannedDate, node.actualDate);
    return late > 0 ? <Tag color="orange">延期 {late} 天完成</Tag> : <Tag color="green">按期完成</Tag>;
  }
  if (isOverdue(node, on)) return <Tag color="red">逾期 {daysBetween(node.plannedDate, on)} 天</Tag>;
  const left = daysBetween(on, node.plannedDate);
  return left <= 15 ? <Tag color="gold">{left === 0 ? '今天到期' : `${left} 天后到期`}</Tag> : <Tag>未到期</Tag>;
}

/** 关键节点: scheduled backwards from the completion date (倒排工期); overdue rows in red. */
export function NodesTab({ detail }: { detail: ProjectDetail }) {
  const [editing, setEditing] = useState<ProjectNode | 'new' | null>(null);
  const { message } = App.useApp();
  const remove = useDeleteNode(detail.id);
  const onWriteError = useWriteError(detail.id);
  const now = today();
  const nodes = [...detail.nodes].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
  const overdue = nodes.filter((n) => isOverdue(n, now)).length;

  const handleDelete = async (node: ProjectNode) => {
    try {
      await remove.mutateAsync({ nodeId: node.id, version: node.version });
      message.success('已删除');
    } catch (e) {
      const rest = onWriteError(e);
      if (rest.length) message.error(rest.join('；'));
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type={overdue ? 'danger' : 'secondary'} data-testid="nodes-summary">
          共 {nodes.length} 个节点，已完成 {nodes.filter((n) => n.actualDate).length} 个{overdue ? `，逾期未完成 ${overdue} 个` : ''}
        </Typography.Text>
        {detail.canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="node-add">添加节点</Button>}
      </Flex>
      <Table<ProjectNode>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={nodes}
        data-testid="nodes-table"
        scroll={{ x: 'max-content' }}
        rowClassName={(n) => (isOverdue(n, now) ? 'row-overdue' : '')}
        locale={{ emptyText: <Empty description="尚未设置关键节点" /> }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 90, render: (k: NodeKind) => NODE_KINDS.label[k] ?? k },
          { title: '节点名称', dataIndex: 'name', width: 220 },
          {
            title: '计划完成', dataIndex: 'plannedDate', width: 110,
            render: (d: string, n) => <span className="num" style={{ color: isOverdue(n, now) ? '#cf1322' : undefined, fontWeight: isOverdue(n, now) ? 600 : undefined }}>{d}</span>,
          },
          { title: '实际完成', dataIndex: 'actualDate', width: 110, render: (d: string | null) => <span className="num">{text(d)}</span> },
          { title: '状态', key: 'status', width: 130, render: (_v, n) => statusOf(n, now) },
          { title: '责任单位', dataIndex: 'responsibleOrgName', width: 160, render: (v: string | null) => text(v) },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => text(v) },
          ...(detail.canEdit
            ? [{
                title: '操作', key: 'op', width: 110, fixed: 'right' as const,
                render: (_v: unknown, n: ProjectNode) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(n)}>编辑</Button>
                    <Popconfirm title={`删除节点「${n.name}」？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void handleDelete(n)}>
                      <Button type="link" size="small" danger>删除</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && <NodeFormModal detail={detail} node={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
