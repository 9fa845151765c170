import { useState } from 'react';
import { App, Button, Descriptions, Flex, Form, Image, Input, Modal, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { errorMessage, isApiError } from '../../app/api-client';
import { coordText, dateTime, text } from '../../components/format';
import { useDeleteMedia, useUpdateMedia } from './api';
import { CheckBadge, CheckList } from './check-badge';
import { mediaLabel } from './media-label';
import { ShootingPointSelect } from './shooting-point-select';
import type { MediaItem, ReportDetail } from './types';

const sizeText = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** One photo or video: the picture (tap to enlarge), why it passed or not, and its caption and point. */
export function MediaDetail({ media, report, canEdit, onClose }: {
  media: MediaItem;
  report: ReportDetail;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { message, modal } = App.useApp();
  const update = useUpdateMedia(report.id);
  const remove = useDeleteMedia(report.id);
  const [caption, setCaption] = useState(media.caption ?? '');
  const [pointId, setPointId] = useState<number | null>(media.shootingPointId);
  const isChanged = (caption.trim() || null) !== media.caption || pointId !== media.shootingPointId;

  const onError = (error: unknown) => {
    if (isApiError(error, 'version_conflict') || isApiError(error, 'not_found')) {
      modal.warning({ title: '该照片已被他人修改或删除', content: '页面已载入最新内容，请核对后重新操作。', okText: '知道了' });
      onClose();
      return;
    }
    message.error(errorMessage(error));
  };

  const save = async () => {
    try {
      await update.mutateAsync({ id: media.id, version: media.version, caption: caption.trim() || null, shootingPointId: pointId });
      message.success('已保存');
      onClose();
    } catch (error) {
      onError(error);
    }
  };

  const handleDelete = async () => {
    try {
      await remove.mutateAsync({ id: media.id, version: media.version });
      message.success(`${mediaLabel(media)} 已删除`);
      onClose();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Modal
      open
      title={<Flex gap={8} align="center" wrap>{mediaLabel(media)}<CheckBadge status={media.checkStatus} /></Flex>}
      onCancel={onClose}
      closable={{ 'aria-label': '关闭' }}
      width={720}
      data-testid="media-detail"
      footer={canEdit ? [
        <Popconfirm key="delete" title={`删除${mediaLabel(media)}？`} description="其他照片的编号不变。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void handleDelete()}>
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="media-delete">删除</Button>
        </Popconfirm>,
        <Button key="save" type="primary" disabled={!isChanged} loading={update.isPending} onClick={() => void save()} data-testid="media-save">保存</Button>,
      ] : [<Button key="close" onClick={onClose}>关闭</Button>]}
    >
      <div className="media-viewer">
        {media.kind === 'video' ? (
          <video controls preload="metadata" playsInline src={media.urls.original} poster={media.urls.display ?? undefined} style={{ width: '100%', maxHeight: '60vh', background: '#000' }} data-testid="media-video" />
        ) : media.urls.display ? (
          <Image src={media.urls.display} alt={media.caption ?? media.filename} style={{ maxHeight: '55vh', objectFit: 'contain' }} preview={{ mask: '点按放大' }} data-testid="media-image" />
        ) : (
          <a href={media.urls.original}>下载原图（{media.filename}）</a>
        )}
      </div>
      <CheckList checks={media.checks} />
      {canEdit && (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item label="拍摄点位" style={{ marginBottom: 12 }}>
            <ShootingPointSelect projectId={report.projectId} reportId={report.id} points={report.points} value={pointId} onChange={setPointId} testId="media-point" />
          </Form.Item>
          <Form.Item label="说明" style={{ marginBottom: 0 }}>
            <Input value={caption} maxLength={200} onChange={(e) => setCaption(e.target.value)} placeholder="如：1 号厂房主体施工" data-testid="media-caption" />
          </Form.Item>
        </Form>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        style={{ marginTop: 12 }}
        items={[
          ...(!canEdit ? [{ key: 'point', label: '拍摄点位', children: text(media.shootingPointName) }, { key: 'caption', label: '说明', children: text(media.caption) }] : []),
          { key: 'at', label: '拍摄时间', children: media.capturedAt ? dateTime(media.capturedAt) : '无记录' },
          { key: 'gps', label: '拍摄位置', children: media.lat != null && media.lng != null ? <span className="num">{coordText(media.lng, media.lat)}</span> : '无记录' },
          { key: 'camera', label: '拍摄设备', children: text(media.camera) },
          { key: 'file', label: '文件', children: <span style={{ wordBreak: 'break-all' }}>{media.filename}（{sizeText(media.size)}{media.width ? `，${media.width}×${media.height}` : ''}）</span> },
          { key: 'by', label: '上传', children: `${media.uploadedByName ?? '—'} ${dateTime(media.uploadedAt)}` },
        ]}
      />
    </Modal>
  );
}
