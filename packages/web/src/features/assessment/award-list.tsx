import { useState } from 'react';
import { Alert, App, Button, Grid, List, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { SUBJECT_LABEL } from '@tuijin/core';
import { useMe } from '../../app/auth';
import { errorMessage, isApiError } from '../../app/api-client';
import { columnsWidth } from '../../components/table-width';
import { useAwards, useDeleteAward } from './api';
import { AWARD_KIND_LABEL, AwardModal } from './award-modal';
import type { Award } from './types';

// The year's 奖惩 records under the year's ranking: the office adds, edits and deletes them;
// everyone who reads the assessment reads them.

function KindTag({ award }: { award: Award }) {
  return <Tag color={award.kind === 'reward' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} data-testid="award-kind-tag">{AWARD_KIND_LABEL[award.kind]}</Tag>;
}

export function AwardList({ year }: { year: number }) {
  const me = useMe();
  const { message, modal } = App.useApp();
  const isNarrow = Grid.useBreakpoint().md === false;
  const awards = useAwards(year);
  const remove = useDeleteAward();
  const [editing, setEditing] = useState<Award | 'new' | null>(null);
  const canManage = me.can.manageAssessment;

  const doRemove = async (a: Award) => {
    try {
      await remove.mutateAsync({ id: a.id, version: a.version });
      message.success('奖惩记录已删除');
    } catch (e) {
      if (isApiError(e, 'version_conflict')) {
        modal.warning({ title: '该记录已被他人修改', content: `${e.message}。列表已刷新，请核对后再删除。`, okText: '知道了' });
        void awards.refetch();
        return;
      }
      message.error(errorMessage(e));
    }
  };
  const actions = (a: Award) => canManage && (
    <Space size={4} onClick={(e) => e.stopPropagation()}>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(a)} data-testid="award-edit">修改</Button>
      <Popconfirm title="删除这条奖惩记录？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => doRemove(a)}>
        <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="award-delete">删除</Button>
      </Popconfirm>
    </Space>
  );

  const columns: TableColumnsType<Award> = [
    { title: '奖惩', key: 'kind', width: 64, align: 'center', render: (_v, a) => <KindTag award={a} /> },
    { title: '考核对象', key: 'subject', width: 260, render: (_v, a) => <><Typography.Text type="secondary">{SUBJECT_LABEL[a.subjectKind]} · </Typography.Text>{a.subjectName}</> },
    { title: '奖惩事项', key: 'title', width: 320, render: (_v, a) => <><div data-testid="award-title-cell">{a.title}</div>{a.detail && <span className="cell-sub" style={{ whiteSpace: 'normal' }}>{a.detail}</span>}</> },
    { title: '文号', dataIndex: 'docNo', width: 170, render: (v: string | null) => v ?? '—' },
    { title: '决定日期', dataIndex: 'decidedOn', width: 100, render: (v: string) => <span className="num">{v}</span> },
    ...(canManage ? [{ title: '操作', key: 'actions', width: 150, render: (_v: unknown, a: Award) => actions(a) }] : []),
  ];
  const items = awards.data?.items ?? [];

  return (
    <div style={{ marginTop: 24 }} data-testid="award-list">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{year}年度奖惩</Typography.Title>
        {canManage && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="award-add">添加奖惩</Button>}
      </div>
      {awards.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="奖惩记录加载失败" description={errorMessage(awards.error)} />}
      {isNarrow ? (
        <List<Award>
          dataSource={items}
          loading={awards.isFetching && !awards.data}
          locale={{ emptyText: '本年尚无奖惩记录' }}
          renderItem={(a) => (
            <List.Item className="phone-card" data-testid="award-card">
              <div className="phone-card-head">
                <span className="phone-card-title">{a.title}</span>
                <KindTag award={a} />
              </div>
              <div className="meta-line">
                <span>{SUBJECT_LABEL[a.subjectKind]} · {a.subjectName}</span>
                <span className="num">{a.decidedOn}</span>
                {a.docNo && <span>{a.docNo}</span>}
              </div>
              {actions(a)}
            </List.Item>
          )}
        />
      ) : (
        <Table<Award>
          className="nowrap-head"
          data-testid="award-table"
          size="small"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={awards.isFetching && !awards.data}
          scroll={{ x: columnsWidth(columns) }}
          pagination={false}
          locale={{ emptyText: canManage ? '本年尚无奖惩记录：年度考核结果确定后，可在此登记奖励和惩罚' : '本年尚无奖惩记录' }}
        />
      )}
      {editing && <AwardModal year={year} award={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
