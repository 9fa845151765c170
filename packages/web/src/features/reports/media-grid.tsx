import { useState } from 'react';
import { Empty } from 'antd';
import { FileImageOutlined, PlayCircleFilled } from '@ant-design/icons';
import { CheckBadge } from './check-badge';
import { MediaDetail } from './media-detail';
import { inUploadOrder, mediaLabel } from './media-label';
import type { MediaItem, ReportDetail } from './types';

/** Thumbnails of a report's photos and videos, each with its number and check badge; tap for the checks and the picture. */
export function MediaGrid({ report, canEdit }: { report: ReportDetail; canEdit: boolean }) {
  const [openId, setOpenId] = useState<number | null>(null);
  const media = inUploadOrder(report.media);
  const open = media.find((m) => m.id === openId) ?? null;
  if (!media.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有照片或视频" data-testid="media-empty" />;
  return (
    <>
      <div className="media-grid" data-testid="media-grid">
        {media.map((m) => (
          <MediaTile key={m.id} media={m} hasPoints={report.points.length > 0} onOpen={() => setOpenId(m.id)} />
        ))}
      </div>
      {open && <MediaDetail media={open} report={report} canEdit={canEdit} onClose={() => setOpenId(null)} />}
    </>
  );
}

function MediaTile({ media, hasPoints, onOpen }: { media: MediaItem; hasPoints: boolean; onOpen: () => void }) {
  const label = mediaLabel(media);
  const about = [media.shootingPointName, media.caption].filter(Boolean).join(' · ');
  return (
    <button type="button" className="media-tile" onClick={onOpen} aria-label={`${label}${about ? `（${about}）` : ''}，${media.checkStatusLabel}，点按查看`} data-testid="media-tile">
      <div className="media-thumb">
        {media.urls.thumb ? (
          <img src={media.urls.thumb} alt={label} loading="lazy" />
        ) : (
          <FileImageOutlined style={{ fontSize: 32, color: '#bfbfbf' }} />
        )}
        {media.kind === 'video' && <PlayCircleFilled className="media-play" />}
        <span className="media-number" data-testid="media-number">{label}</span>
        <CheckBadge status={media.checkStatus} style={{ position: 'absolute', left: 4, bottom: 4, fontSize: 11, lineHeight: '18px', paddingInline: 4 }} />
      </div>
      <div className="media-label">{about || <span style={{ color: '#bfbfbf' }}>{hasPoints ? '未指定点位' : '无说明'}</span>}</div>
    </button>
  );
}
