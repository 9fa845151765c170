import { useState } from 'react';
import { Flex, Grid, Modal, Segmented, Select, Typography } from 'antd';
import { periodLabel } from '../periods/period-format';
import { CompareSlider } from './compare-slider';
import { mediaLabel } from './media-label';
import { photoMonths, photosOf, type PointGroup } from './photo-groups';
import type { MediaItem } from './types';

// 对比: two months of one shooting point, as a wipe (drag the divider) or side by side.

function PhotoPicker({ items, value, onChange }: { items: MediaItem[]; value: number; onChange: (id: number) => void }) {
  if (items.length < 2) return null;
  return (
    <Flex gap={4} wrap>
      {items.map((m) => (
        <button
          key={m.id}
          type="button"
          onClick={() => onChange(m.id)}
          aria-pressed={m.id === value}
          aria-label={`选择${mediaLabel(m)}`}
          title={mediaLabel(m)}
          style={{ padding: 0, border: `2px solid ${m.id === value ? '#1677ff' : 'transparent'}`, borderRadius: 4, background: 'none', cursor: 'pointer', lineHeight: 0 }}
        >
          <img src={m.urls.thumb ?? ''} alt="" width={56} height={42} style={{ objectFit: 'cover', borderRadius: 2 }} />
        </button>
      ))}
    </Flex>
  );
}

function SideBySide({ before, after, beforeLabel, afterLabel }: { before: MediaItem; after: MediaItem; beforeLabel: string; afterLabel: string }) {
  const one = (m: MediaItem, label: string) => (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <img src={m.urls.display ?? m.urls.original} alt={label} style={{ width: '100%', aspectRatio: '4 / 3', objectFit: 'cover', borderRadius: 6, display: 'block' }} />
      <figcaption style={{ textAlign: 'center', fontSize: 12, marginTop: 4 }}>{label}</figcaption>
    </figure>
  );
  return <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }} data-testid="compare-side">{one(before, beforeLabel)}{one(after, afterLabel)}</div>;
}

export function CompareModal({ group, onClose }: { group: PointGroup; onClose: () => void }) {
  const isNarrow = Grid.useBreakpoint().md === false;
  const months = photoMonths(group);
  const [beforePeriod, setBeforePeriod] = useState(months[months.length - 2] ?? months[0] ?? '');
  const [afterPeriod, setAfterPeriod] = useState(months[months.length - 1] ?? '');
  const [picked, setPicked] = useState<Record<string, number>>({});
  // A phone shows the two months side by side first (the breakpoint hook has no answer on the first render).
  const [mode, setMode] = useState<'wipe' | 'side'>(() => (window.matchMedia('(max-width: 767px)').matches ? 'side' : 'wipe'));
  const beforeItems = photosOf(group, beforePeriod);
  const afterItems = photosOf(group, afterPeriod);
  const before = beforeItems.find((m) => m.id === picked[beforePeriod]) ?? beforeItems[0];
  const after = afterItems.find((m) => m.id === picked[afterPeriod]) ?? afterItems[0];
  const options = months.map((p) => ({ value: p, label: periodLabel(p) }));
  const beforeLabel = `${periodLabel(beforePeriod)}（前）`;
  const afterLabel = `${periodLabel(afterPeriod)}（后）`;

  return (
    <Modal
      open
      title={`影像对比 · ${group.name}`}
      footer={null}
      onCancel={onClose}
      width={isNarrow ? '100%' : 980}
      style={{ top: isNarrow ? 8 : 24, maxWidth: isNarrow ? 'calc(100vw - 16px)' : undefined }}
      data-testid="compare-modal"
    >
      <Flex wrap gap={12} align="flex-start" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={12}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>前一个月</Typography.Text>
            <Select value={beforePeriod} options={options} onChange={setBeforePeriod} style={{ width: 130 }} data-testid="compare-before" />
            <PhotoPicker items={beforeItems} value={before?.id ?? 0} onChange={(id) => setPicked((p) => ({ ...p, [beforePeriod]: id }))} />
          </Flex>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>后一个月</Typography.Text>
            <Select value={afterPeriod} options={options} onChange={setAfterPeriod} style={{ width: 130 }} data-testid="compare-after" />
            <PhotoPicker items={afterItems} value={after?.id ?? 0} onChange={(id) => setPicked((p) => ({ ...p, [afterPeriod]: id }))} />
          </Flex>
        </Flex>
        <Segmented<'wipe' | 'side'>
          value={mode}
          onChange={setMode}
          options={[{ value: 'wipe', label: '滑动对比' }, { value: 'side', label: '并排对比' }]}
          data-testid="compare-mode"
        />
      </Flex>
      {!before || !after ? (
        <Typography.Text type="secondary">所选月份没有可对比的照片。</Typography.Text>
      ) : mode === 'wipe' ? (
        <>
          <CompareSlider before={before} after={after} beforeLabel={beforeLabel} afterLabel={afterLabel} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
            左右拖动分隔线（或用方向键）查看两个月的变化；同一点位、同一角度拍摄的照片对比效果最好。
          </Typography.Paragraph>
        </>
      ) : (
        <SideBySide before={before} after={after} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      )}
    </Modal>
  );
}
