import { Button, Progress, Typography } from 'antd';
import { CheckCircleFilled, CloseOutlined, FileImageOutlined, RedoOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { QueuedFile } from './use-upload-queue';

const sizeText = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** One picked file on its way: its progress, or why it was refused. */
export function UploadRow({ item, pointName, onCancel, onRetry }: {
  item: QueuedFile;
  /** The shooting point it goes with, if any. */
  pointName: string | null;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const percent = item.file.size ? Math.floor((item.sent / item.file.size) * 100) : 0;
  return (
    <div className={`upload-row upload-row-${item.status}`} data-testid="upload-row" data-status={item.status}>
      <div className="upload-row-head">
        <div className="upload-preview">
          {item.preview ? <img src={item.preview} alt="" onError={(e) => { e.currentTarget.style.display = 'none'; }} /> : null}
          {item.kind === 'video' ? <VideoCameraOutlined /> : <FileImageOutlined />}
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div className="upload-name">{item.file.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sizeText(item.file.size)}
            {pointName && ` · ${pointName}`}
            {item.status === 'waiting' && ' · 等待上传'}
            {item.status === 'uploading' && (item.stall === 'offline' ? ' · 网络已断开，恢复后自动继续' : item.stall === 'retry' ? ' · 网络不稳定，正在重试…' : ` · 正在上传 ${percent}%`)}
            {item.status === 'done' && <Typography.Text type="success"> · <CheckCircleFilled /> 已上传</Typography.Text>}
          </Typography.Text>
        </div>
        {item.status === 'failed' && item.canRetry && (
          <Button icon={<RedoOutlined />} onClick={onRetry} data-testid="upload-retry">重试</Button>
        )}
        {item.status !== 'done' && (
          <Button
            type="text"
            icon={<CloseOutlined />}
            onClick={onCancel}
            aria-label={item.status === 'uploading' || item.status === 'waiting' ? '取消上传' : '移除'}
            data-testid="upload-cancel"
            className="upload-row-close"
          >
            {item.status === 'uploading' || item.status === 'waiting' ? '取消' : ''}
          </Button>
        )}
      </div>
      {(item.status === 'uploading' || item.status === 'waiting') && (
        <Progress percent={percent} size="small" status={item.stall ? 'normal' : 'active'} strokeColor={item.stall ? '#fa8c16' : undefined} showInfo={false} style={{ margin: '6px 0 0' }} data-testid="upload-progress" />
      )}
      {item.status === 'failed' && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }} data-testid="upload-error">{item.error}</Typography.Text>
      )}
    </div>
  );
}
