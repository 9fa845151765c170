import { useRef } from 'react';
import { Alert, Button, Typography } from 'antd';
import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { FormSection } from './form-section';
import { MediaGrid } from './media-grid';
import { ShootingPointSelect } from './shooting-point-select';
import { UploadRow } from './upload-row';
import type { ReportDetail } from './types';
import { useRememberedPoint } from './use-remembered-point';
import type { useUploadQueue } from './use-upload-queue';

type Queue = ReturnType<typeof useUploadQueue>;

/** How many photos the report has against what it needs, in words. A 无变化 month needs none. */
export function photoRequirement(report: ReportDetail, isNoChange = report.noChange): { text: string; isMet: boolean } {
  const photos = report.media.filter((m) => m.kind === 'photo').length;
  const need = report.settings.minPhotos;
  if (isNoChange) return { text: photos ? `本月无变化，照片可不上传（已上传 ${photos} 张）` : '本月无变化，照片可不上传', isMet: true };
  if (need <= 0) return { text: `已上传照片 ${photos} 张`, isMet: true };
  return photos >= need
    ? { text: `已上传照片 ${photos} 张（至少 ${need} 张）`, isMet: true }
    : { text: `至少需要 ${need} 张现场照片，当前 ${photos} 张`, isMet: false };
}

/**
 * 现场照片和视频: choose the shooting point, then take or pick files; they go up at once (no
 * extra tap on a site with a weak signal). Caption and point can be changed on the photo after.
 */
export function MediaUploader({ report, queue, issue, isNoChange }: { report: ReportDetail; queue: Queue; issue?: string | null; isNoChange: boolean }) {
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [pointId, setPointId] = useRememberedPoint(report.projectId, report.points);
  const requirement = photoRequirement(report, isNoChange);
  const hasPoints = report.points.length > 0;
  const pointName = (id: number | null) => report.points.find((p) => p.id === id)?.name ?? null;

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
        请在现场用手机相机拍摄原图，选好后自动上传：系统会核对拍摄时间、地点和是否与以前的照片重复。经微信转发的照片会丢失拍摄信息。
        照片不超过 {report.settings.maxImageMb} MB，视频不超过 {report.settings.maxVideoMb} MB。
      </Typography.Paragraph>
      <div className="media-pick">
        <div className="media-pick-point">
          <ShootingPointSelect
            projectId={report.projectId}
            reportId={report.id}
            points={report.points}
            value={pointId}
            onChange={setPointId}
            prefix="拍摄点位"
            status={hasPoints && pointId == null ? 'warning' : undefined}
            testId="media-default-point"
          />
        </div>
        <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="media-camera">拍照</Button>
        <Button size="large" icon={<PictureOutlined />} onClick={() => picker.current?.click()} data-testid="media-pick">选择照片/视频</Button>
        <input ref={camera} type="file" accept="image/*" capture="environment" style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} data-testid="media-camera-input" />
        <input ref={picker} type="file" accept="image/*,video/*" multiple style={{ display: 'none' }} onChange={(e) => pick(e.currentTarget)} data-testid="media-input" />
      </div>
      {hasPoints && pointId == null && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4, fontSize: 12 }} data-testid="media-point-hint">
          请先选择拍摄点位：不选点位的照片将归入「未指定点位」，无法与以前月份对比。
        </Typography.Text>
      )}
      {queue.items.length > 0 && (
        <div className="upload-list" data-testid="upload-list">
          {queue.items.map((item) => (
            <UploadRow key={item.key} item={item} pointName={pointName(item.pointId)} onCancel={() => queue.cancel(item)} onRetry={() => queue.retry(item.key)} />
          ))}
        </div>
      )}
      <MediaGrid report={report} canEdit />
    </FormSection>
  );
}
