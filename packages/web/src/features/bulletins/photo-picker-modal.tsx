import { useState } from 'react';
import { Alert, Checkbox, Empty, Modal, Typography } from 'antd';
import { MAX_BULLETIN_PHOTOS, type BulletinPhoto } from '@tuijin/core';
import { periodLabel } from '../periods/period-format';

// 更换/添加影像对比: the same-angle pairs the month's photos offer (a shooting point in an earlier
// month and this one), each shown as its two thumbnails; the office ticks the ones to print.

export const pairKey = (p: BulletinPhoto) => `${p.before.mediaId}-${p.after.mediaId}`;

export function Thumb({ mediaId, period, tag }: { mediaId: number; period: string; tag: string }) {
  return (
    <figure className="bulletin-thumb">
      <img src={`/api/v1/media/${mediaId}/thumb`} alt={`${periodLabel(period)}（${tag}）`} loading="lazy" />
      <figcaption>{periodLabel(period)} · {tag}</figcaption>
    </figure>
  );
}

export function PhotoPickerModal({ chosen, candidates, onOk, onClose }: {
  chosen: BulletinPhoto[];
  candidates: BulletinPhoto[];
  onOk: (photos: BulletinPhoto[]) => void;
  onClose: () => void;
}) {
  // What is printed now comes first in its order, then what else the month offers.
  const pool = [...chosen, ...candidates.filter((c) => !chosen.some((p) => pairKey(p) === pairKey(c)))];
  const [picked, setPicked] = useState<string[]>(() => chosen.map(pairKey));
  const isFull = picked.length >= MAX_BULLETIN_PHOTOS;
  const toggle = (key: string, on: boolean) => setPicked((now) => (on ? [...now, key] : now.filter((k) => k !== key)));
  const confirm = () => {
    const byKey = new Map(pool.map((p) => [pairKey(p), p]));
    // A pair already printed keeps its caption as edited; a new one brings the drafted one.
    onOk(picked.map((k) => chosen.find((p) => pairKey(p) === k) ?? byKey.get(k)!).filter(Boolean));
  };
  return (
    <Modal
      open
      title="选择影像对比"
      width={880}
      okText={`确定（${picked.length} 组）`}
      cancelText="取消"
      onOk={confirm}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'bulletin-photo-picker-ok' }}
      data-testid="bulletin-photo-picker"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        同一拍摄点位前后两个月的照片，按勾选顺序印入通报，最多 {MAX_BULLETIN_PHOTOS} 组。
      </Typography.Paragraph>
      {isFull && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`已选满 ${MAX_BULLETIN_PHOTOS} 组；如需更换，请先取消一组。`} />}
      {pool.length === 0 ? (
        <Empty description="本月没有可对比的照片：需要同一点位在本月和之前月份都有照片" />
      ) : (
        <div className="bulletin-picker-grid">
          {pool.map((p) => {
            const key = pairKey(p);
            const order = picked.indexOf(key);
            const isPicked = order >= 0;
            return (
              <label key={key} className={`bulletin-picker-card${isPicked ? ' is-picked' : ''}`} data-testid="bulletin-photo-candidate">
                <div className="bulletin-picker-head">
                  <Checkbox checked={isPicked} disabled={!isPicked && isFull} onChange={(e) => toggle(key, e.target.checked)} data-testid="bulletin-photo-candidate-check" />
                  <span className="bulletin-picker-name">{p.projectName}{p.pointName ? ` · ${p.pointName}` : ''}</span>
                  {isPicked && <span className="bulletin-picker-order">第 {order + 1} 组</span>}
                </div>
                <div className="bulletin-pair">
                  <Thumb mediaId={p.before.mediaId} period={p.before.period} tag="前" />
                  <Thumb mediaId={p.after.mediaId} period={p.after.period} tag="后" />
                </div>
              </label>
            );
          })}
        </div>
      )}
    </Modal>
  );
}
