import { useState } from 'react';
import { App, Breadcrumb, Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { KEY_LIST_LEVELS, formatAmountAuto, ratio } from '@tuijin/core';
import { errorMessage } from '../../app/api-client';
import { LEVEL_COLOR, StageTag } from '../../components/tags';
import { dateTime, percent, wan } from '../../components/format';
import { currentYear } from '../../components/year-select';
import { ProjectWarningTag } from '../warnings/project-warnings';
import { useDeleteProject } from './api';
import { StageTransitionModal } from './stage-transition-modal';
import type { ProjectDetail } from './types';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <div style={{ color: '#8c8c8c', fontSize: 12 }}>{label}</div>
      <div className="num" style={{ fontSize: 16, fontWeight: 600 }}>{value}</div>
    </div>
  );
}

export function ProjectHeader({ detail }: { detail: ProjectDetail }) {
  const [isStageOpen, setStageOpen] = useState(false);
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const remove = useDeleteProject();
  const year = currentYear();
  const plan = detail.plans.find((p) => p.year === year);
  const keyLists = [...detail.keyLists].sort((a, b) => b.year - a.year);

  const handleDelete = async () => {
    try {
      await remove.mutateAsync({ id: detail.id, version: detail.version });
      message.success('项目已删除');
      navigate('/ledger');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="page-card" style={{ marginBottom: 12 }} data-testid="project-header">
      <Breadcrumb items={[{ title: <Link to="/ledger">项目台账</Link> }, { title: detail.name }]} style={{ marginBottom: 8 }} />
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-title">{detail.name}</Typography.Title>
            <StageTag stage={detail.stage} />
            {me.can.readSupervision && <ProjectWarningTag projectId={detail.id} />}
            {keyLists.map((k) => (
              <Tag key={k.id} color={LEVEL_COLOR[k.level]} bordered={false}>{k.year} {KEY_LIST_LEVELS.label[k.level]}</Tag>
            ))}
          </Space>
          {/* Each item keeps its words together; on a phone the items wrap, not the words. */}
          <div className="meta-line">
            <span>项目代码：<span className="num">{detail.code ?? '未填写'}</span></span>
            <span>{detail.regionName ?? detail.regionCode}{detail.townshipName ? ` · ${detail.townshipName}` : ''}</span>
            <span>最后更新：{dateTime(detail.updatedAt)}</span>
          </div>
        </div>
        {detail.canEdit && (
          <Space>
            <Button
              type="primary"
              icon={<SwapOutlined />}
              disabled={!detail.nextStages.length}
              onClick={() => setStageOpen(true)}
              data-testid="stage-change"
            >
              变更阶段
            </Button>
            <Popconfirm
              title="删除此项目？"
              description="删除后项目将从台账中移除，此操作会记入审计日志。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => void handleDelete()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>删除</Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      <Flex gap={40} wrap style={{ marginTop: 16 }}>
        <Figure label="总投资" value={formatAmountAuto(detail.totalInvestment)} />
        <Figure label={`${year}年计划投资`} value={plan ? `${wan(plan.plan)} 万元` : '未编制'} />
        <Figure label="力争投资" value={plan ? `${wan(plan.target)} 万元` : '—'} />
        <Figure label="已完成投资" value={plan ? `${wan(plan.completed)} 万元` : '—'} />
        <Figure label="完成率" value={plan ? percent(ratio(plan.completed, plan.plan)) : '—'} />
      </Flex>
      <StageTransitionModal detail={detail} open={isStageOpen} onClose={() => setStageOpen(false)} />
    </div>
  );
}
