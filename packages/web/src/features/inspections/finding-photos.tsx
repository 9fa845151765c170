import { useRef, useState } from 'react';
import { App, Button, Empty, Image, Modal, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined, FileImageOutlined, PictureOutlined, PlayCircleFilled } from '@ant-design/icons';
import { api, errorMessage } from '../../app/api-client';
import { dateTime } from '../../components/format';
import { CheckBadge, CheckList } from '../reports/check-badge';
import type { MediaItem } from '../reports/types';
import { UploadRow } from '../reports/upload-row';
import type { useUploadQueue } from '../reports/use-upload-queue';

// 现场照片 of a finding: taken (or picked) on the phone and sent at once through the report's
// resumable upload; each is checked like a report's photo, against the day of the visit.

type Queue = ReturnType<typeof useUploadQueue>;

function PhotoDetail({ media, canEdit, onClose, onChanged }: { media: MediaItem; canEdit: boolean; onClose: () => void; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const remove = () => modal.confirm({
    title: '删除这张照片？', okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      try {
        await api.delete(`/media/${media.id}`, { version: media.version });
        message.success('已删除');
        onChanged();
        onClose();
      } catch (error) {
        message.error(errorMessage(error));
      }
    },
  });
  return (
    <Modal open title={<span>{media.filename} <CheckBadge status={media.checkStatus} /></span>} onCancel={onClose} footer={canEdit ? [<Button key="del" danger icon={<DeleteOutlined />} onClick={remove}>删除</Button>, <Button key="ok" type="primary" onClick={onClose}>关闭</Button>] : null}>
      <div className="media-viewer">
        {media.urls.display ? <Image src={media.urls.display} alt={media.filename} style={{ maxHeight: 360 }} /> : <Typography.Text type="secondary">视频请下载后查看</Typography.Text>}
      </div>
      <CheckList checks={media.checks} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>上传于 {dateTime(media.uploadedAt)}{media.uploadedByName ? ` · ${media.uploadedByName}` : ''}</Typography.Paragraph>
    </Modal>
  );
}

export function FindingPhotos({ media, queue, canEdit, hasFinding, limits, onChanged }: {
  media: MediaItem[];
  queue: Queue | null;
  canEdit: boolean;
  hasFinding: boolean;
  limits: { maxImageMb: number; maxVideoMb: number };
  onChanged: () => void;
}) {
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const open = media.find((m) => m.id === openId) ?? null;
  const pick = (input: HTMLInputElement | null) => {
    if (!input?.files?.length || !queue) return;
    queue.add([...input.files], null);
    input.value = '';
  };
  if (canEdit && !hasFinding) {
    return <Typography.Text type="secondary" data-testid="finding-photos-later">先保存检查记录，再拍摄上传现场照片。</Typography.Text>;
  }
  return (
    <div data-testid="finding-photos">
      {canEdit && queue && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            请在现场用手机相机拍摄原图，选好后自动上传；系统核对拍摄日期是否为检查当日、地点是否在项目现场、是否与以前的照片重复。
            照片不超过 {limits.maxImageMb} MB，视频不超过 {limits.maxVideoMb} MB。
          </Typography.Paragraph>
          <div className="media-pick">
            <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="finding-camera">拍照</Button>
            <Button size="large" icon={<PictureOutlined />} onClick={() => picker.current?.click()} data-testid="finding-pick">选择照片/视频</Button>
            <input ref={camera} type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} />
            <input ref={picker} type="file" accept="image/*,video/*" multiple style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} data-testid="finding-media-input" />
          </div>
          {queue.items.length > 0 && (
            <div className="upload-list" data-testid="upload-list">
              {queue.items.map((item) => <UploadRow key={item.key} item={item} pointName={null} onCancel={() => queue.cancel(item)} onRetry={() => queue.retry(item.key)} />)}
            </div>
          )}
        </>
      )}
      {media.length ? (
        <div className="media-grid" data-testid="media-grid">
          {media.map((m, k) => (
            <button key={m.id} type="button" className="media-tile" onClick={() => setOpenId(m.id)} data-testid="media-tile" aria-label={`照片 ${k + 1}，${m.checkStatusLabel}`}>
              <div className="media-thumb">
                {m.urls.thumb ? <img src={m.urls.thumb} alt={`照片 ${k + 1}`} loading="lazy" /> : <FileImageOutlined style={{ fontSize: 32, color: '#bfbfbf' }} />}
                {m.kind === 'video' && <PlayCircleFilled className="media-play" />}
                <span className="media-number">照片 {k + 1}</span>
                <CheckBadge status={m.checkStatus} style={{ position: 'absolute', left: 4, bottom: 4, fontSize: 11, lineHeight: '18px', paddingInline: 4 }} />
              </div>
              <div className="media-label">{m.caption ?? m.filename}</div>
            </button>
          ))}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有现场照片" />
      )}
      {open && <PhotoDetail media={open} canEdit={canEdit} onClose={() => setOpenId(null)} onChanged={onChanged} />}
    </div>
  );
}
