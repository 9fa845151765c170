import { Image, Tooltip, Typography } from 'antd';
import { PlayCircleFilled, PictureOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CheckBadge } from './check-badge';
import { mediaLabel } from './media-label';
import type { MediaItem } from './types';

// One photo (or video) in the month-by-month rows: the thumbnail opens the display size
// (a video plays), with the day it was taken and how it fared in the checks beneath.

export const TILE_WIDTH = 168;
const TILE_HEIGHT = 126;

function Preview({ item }: { item: MediaItem }) {
  const thumb = item.urls.thumb;
  if (!thumb) {
    return (
      <a href={item.urls.original} target="_blank" rel="noreferrer" style={{ width: TILE_WIDTH, height: TILE_HEIGHT, display: 'grid', placeItems: 'center', background: '#f5f5f5', borderRadius: 4 }}>
        <PictureOutlined style={{ fontSize: 28, color: '#bfbfbf' }} />
      </a>
    );
  }
  const isVideo = item.kind === 'video';
  return (
    <div style={{ position: 'relative', width: TILE_WIDTH, height: TILE_HEIGHT }}>
      <Image
        src={thumb}
        width={TILE_WIDTH}
        height={TILE_HEIGHT}
        alt={item.caption ?? item.filename}
        style={{ objectFit: 'cover', borderRadius: 4 }}
        preview={isVideo ? {
          src: item.urls.original,
          imageRender: () => <video src={item.urls.original} controls autoPlay style={{ maxWidth: '90vw', maxHeight: '80vh' }} />,
          toolbarRender: () => null,
        } : { src: item.urls.display ?? item.urls.original }}
        data-testid="photo-thumb"
      />
      {isVideo && <PlayCircleFilled style={{ position: 'absolute', left: '50%', top: '50%', transform: 'translate(-50%, -50%)', fontSize: 36, color: 'rgba(255,255,255,0.9)', pointerEvents: 'none' }} />}
    </div>
  );
}

export function PhotoTile({ item }: { item: MediaItem }) {
  return (
    <div style={{ width: TILE_WIDTH }} data-testid="photo-tile">
      <Preview item={item} />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 4, marginTop: 4 }}>
        <Tooltip title={item.capturedAt ? `拍摄于 ${dayjs(item.capturedAt).format('YYYY-MM-DD HH:mm')}` : '照片没有拍摄时间信息'}>
          <Typography.Text type="secondary" className="num" style={{ fontSize: 12 }}>
            {item.capturedAt ? dayjs(item.capturedAt).format('MM-DD HH:mm') : '无拍摄时间'}
          </Typography.Text>
        </Tooltip>
        <Tooltip title={item.checks.filter((c) => c.passed !== true).map((c) => c.message).join('；') || undefined}>
          <CheckBadge status={item.checkStatus} style={{ fontSize: 12 }} />
        </Tooltip>
      </div>
      <Typography.Text ellipsis={{ tooltip: item.caption }} style={{ fontSize: 12, display: 'block' }} data-testid="photo-tile-label">
        <span style={{ fontWeight: 600 }}>{mediaLabel(item)}</span>{item.caption ? ` · ${item.caption}` : ''}
      </Typography.Text>
    </div>
  );
}
