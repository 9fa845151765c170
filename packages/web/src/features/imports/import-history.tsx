import { Alert, Button, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../app/api-client';
import { dateTime, text } from '../../components/format';
import { useImportHistory } from './api';
import type { ImportBatch, ImportStatus } from './types';

const STATUS_TAG: Record<ImportStatus, { text: string; color: string }> = {
  previewed: { text: '待确认', color: 'gold' },
  committed: { text: '已导入', color: 'green' },
  discarded: { text: '已放弃', color: 'default' },
};

function summaryText(summary: ImportBatch['summary']): string {
  if (!summary) return '—';
  const parts = [
    summary.create ? `新增 ${summary.create}` : '',
    summary.update ? `更新 ${summary.update}` : '',
    summary.unchanged ? `无变化 ${summary.unchanged}` : '',
    summary.error ? `错误 ${summary.error}` : '',
  ].filter(Boolean);
  return parts.join(' · ') || '无数据';
}

/** 导入记录: the county's last imports; a preview not yet confirmed can be taken up again. */
export function ImportHistory({ onResume, resumingId }: { onResume: (id: number) => void; resumingId: number | null }) {
  const { data, error, isFetching } = useImportHistory();
  return (
    <div style={{ marginTop: 24 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>导入记录</Typography.Title>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<ImportBatch>
        size="small"
        bordered
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 次` }}
        locale={{ emptyText: '还没有导入记录' }}
        data-testid="import-history"
        columns={[
          { title: '上传时间', dataIndex: 'createdAt', width: 150, render: (v: string) => <span className="num">{dateTime(v)}</span> },
          { title: '文件', dataIndex: 'filename', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 320 }}>{v}</Typography.Text> },
          { title: '年度', dataIndex: 'year', width: 80, render: (v: number | null) => (v ? `${v} 年` : '—') },
          {
            title: '状态', dataIndex: 'status', width: 90,
            render: (v: ImportStatus) => <Tag color={STATUS_TAG[v]?.color} bordered={false}>{STATUS_TAG[v]?.text ?? v}</Tag>,
          },
          { title: '结果', dataIndex: 'summary', render: (v: ImportBatch['summary']) => summaryText(v) },
          { title: '操作人', dataIndex: 'userName', width: 110, render: (v: string | null) => text(v) },
          { title: '导入时间', dataIndex: 'committedAt', width: 150, render: (v: string | null) => <span className="num">{dateTime(v)}</span> },
          {
            title: '操作', key: 'action', width: 90,
            render: (_v, batch) => batch.status === 'previewed' && (
              <Button type="link" size="small" style={{ padding: 0 }} loading={resumingId === batch.id} onClick={() => onResume(batch.id)} data-testid={`import-resume-${batch.id}`}>
                继续处理
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
