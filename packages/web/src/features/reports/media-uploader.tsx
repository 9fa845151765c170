import { useRef, useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { CameraOutlined, CloudUploadOutlined, PictureOutlined } from '@ant-design/icons';
import { FormSection } from './form-section';
import { MediaGrid } from './media-grid';
import { ShootingPointSelect } from './shooting-point-select';
import { UploadRow } from './upload-row';
import type { ReportDetail } from './types';
import type { useUploadQueue } from './use-upload-queue';

type Queue = ReturnType<typeof useUploadQueue>;

/** How many photos the report has against what it needs, in words. */
export function photoRequirement(report: ReportDetail): { text: string; isMet: boolean } {
  const photos = report.media.filter((m) => m.kind === 'photo').length;
  const need = report.settings.minPhotos;
  if (need <= 0) return { text: `已上传照片 ${photos} 张`, isMet: true };
  return photos >= need
    ? { text: `已上传照片 ${photos} 张（至少 ${need} 张）`, isMet: true }
    : { text: `至少需要 ${need} 张现场照片，当前 ${photos} 张`, isMet: false };
}

/** 现场照片和视频: take or pick files, give each a point and caption, send them, see their checks. */
export function MediaUploader({ report, queue, issue }: { report: ReportDetail; queue: Queue; issue?: string | null }) {
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [pointId, setPointId] = useState<number | null>(null);
  const requirement = photoRequirement(report);

  const pick = (input: HTMLInputElement | null) => {
    if (!input?.files?.length) return;
    queue.add([...input.files], pointId);
    input.value = '';
  };

  return (
    <FormSection
      id="report-media"
      title="现场照片和视频"
      testId="report-section-media"
      extra={<Typography.Text type={requirement.isMet ? 'secondary' : 'warning'} data-testid="media-requirement">{requirement.text}</Typography.Text>}
    >
      {issue && <Alert type="error" showIcon message={issue} style={{ marginBottom: 12 }} data-testid="media-issue" />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        请在现场用手机相机拍摄并上传原图：系统会核对拍摄时间、地点和是否与以前的照片重复。经微信转发的照片会丢失拍摄信息。
        照片不超过 {report.settings.maxImageMb} MB，视频不超过 {report.settings.maxVideoMb} MB。
      </Typography.Paragraph>
      <div className="media-pick">
        <div className="media-pick-point">
          <ShootingPointSelect projectId={report.projectId} reportId={report.id} points={report.points} value={pointId} onChange={setPointId} testId="media-default-point" />
        </div>
        <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="media-camera">拍照</Button>
        <Button size="large" icon={<PictureOutlined />} onClick={() => picker.current?.click()} data-testid="media-pick">选择照片/视频</Button>
        <input ref={camera} type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} data-testid="media-camera-input" />
        <input ref={picker} type="file" accept="image/*,video/*" multiple style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} data-testid="media-input" />
      </div>
      {queue.items.length > 0 && (
        <div className="upload-list" data-testid="upload-list">
          {queue.items.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              report={report}
              onChange={(change) => queue.update(item.key, change)}
              onCancel={() => queue.cancel(item)}
              onRetry={() => queue.retry(item.key)}
            />
          ))}
          {queue.readyCount > 0 && (
            <Button type="primary" size="large" block icon={<CloudUploadOutlined />} onClick={queue.startAll} data-testid="media-upload-start">
              上传 {queue.readyCount} 个文件
            </Button>
          )}
        </div>
      )}
      <MediaGrid report={report} canEdit />
    </FormSection>
  );
}
