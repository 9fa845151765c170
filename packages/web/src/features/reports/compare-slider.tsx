import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MediaItem } from './types';

// 递进比较 made visible: the later month's photo, with the earlier one laid over it up to a
// divider the reader drags (mouse, finger or arrow keys). Both pictures fill the same frame,
// so a photo taken from the same shooting point lines up and the change stands out.

const clamp = (v: number) => Math.min(100, Math.max(0, v));
const STEP = 2;
const BIG_STEP = 10;

const imageStyle = { position: 'absolute', top: 0, left: 0, height: '100%', objectFit: 'cover', pointerEvents: 'none', userSelect: 'none', maxWidth: 'none' } as const;

function Label({ side, children }: { side: 'left' | 'right'; children: ReactNode }) {
  return (
    <span style={{ position: 'absolute', top: 8, [side]: 8, padding: '2px 8px', borderRadius: 4, background: 'rgba(0,0,0,0.55)', color: '#fff', fontSize: 12, pointerEvents: 'none', whiteSpace: 'nowrap' }}>
      {children}
    </span>
  );
}

export function CompareSlider({ before, after, beforeLabel, afterLabel }: { before: MediaItem; after: MediaItem; beforeLabel: string; afterLabel: string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const isDragging = useRef(false);
  const [position, setPosition] = useState(50);
  const [boxWidth, setBoxWidth] = useState(0);
  const [isFocused, setFocused] = useState(false);
  const ratio = after.width && after.height ? after.width / after.height : 4 / 3;

  // The overlaid picture keeps the frame's full width while its box narrows, so it never squeezes.
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setBoxWidth(el.clientWidth));
    observer.observe(el);
    setBoxWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const moveTo = (clientX: number) => {
    const rect = boxRef.current?.getBoundingClientRect();
    if (rect && rect.width > 0) setPosition(clamp(((clientX - rect.left) / rect.width) * 100));
  };
  // Older in-app browsers without pointer events get touch events instead.
  const hasPointer = typeof window !== 'undefined' && 'PointerEvent' in window;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, (p: number) => number> = {
      ArrowLeft: (p) => p - step, ArrowDown: (p) => p - step, ArrowRight: (p) => p + step, ArrowUp: (p) => p + step,
      PageDown: (p) => p - BIG_STEP, PageUp: (p) => p + BIG_STEP, Home: () => 0, End: () => 100,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setPosition((p) => clamp(move(p)));
  };

  return (
    <div
      ref={boxRef}
      data-testid="compare-slider"
      style={{ position: 'relative', width: '100%', aspectRatio: String(ratio), maxHeight: '70vh', overflow: 'hidden', background: '#1f1f1f', borderRadius: 6, cursor: 'ew-resize', touchAction: 'pan-y', userSelect: 'none' }}
      onPointerDown={(e) => { isDragging.current = true; e.currentTarget.setPointerCapture(e.pointerId); moveTo(e.clientX); }}
      onPointerMove={(e) => { if (isDragging.current) moveTo(e.clientX); }}
      onPointerUp={() => { isDragging.current = false; }}
      onPointerCancel={() => { isDragging.current = false; }}
      onTouchStart={hasPointer ? undefined : (e) => { const t = e.touches[0]; if (t) moveTo(t.clientX); }}
      onTouchMove={hasPointer ? undefined : (e) => { const t = e.touches[0]; if (t) moveTo(t.clientX); }}
    >
      <img src={after.urls.display ?? after.urls.original} alt={afterLabel} draggable={false} style={{ ...imageStyle, width: '100%' }} />
      <div data-testid="compare-overlay" style={{ position: 'absolute', top: 0, left: 0, bottom: 0, width: `${position}%`, overflow: 'hidden' }}>
        <img src={before.urls.display ?? before.urls.original} alt={beforeLabel} draggable={false} style={{ ...imageStyle, width: boxWidth || '100%' }} />
      </div>
      <Label side="left">{beforeLabel}</Label>
      <Label side="right">{afterLabel}</Label>
      <div
        role="slider"
        tabIndex={0}
        aria-label="拖动分隔线对比前后两个月的照片"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(position)}
        aria-valuetext={`左侧 ${Math.round(position)}% 为${beforeLabel}`}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        data-testid="compare-handle"
        style={{ position: 'absolute', top: 0, bottom: 0, left: `${position}%`, width: 44, marginLeft: -22, display: 'flex', justifyContent: 'center', outline: 'none' }}
      >
        <div style={{ width: 2, height: '100%', background: '#fff', boxShadow: '0 0 4px rgba(0,0,0,0.6)' }} />
        <div style={{
          position: 'absolute', top: '50%', left: '50%', transform: 'translate(-50%, -50%)', width: 36, height: 36, borderRadius: '50%',
          background: '#fff', boxShadow: isFocused ? '0 0 0 3px #1677ff, 0 1px 6px rgba(0,0,0,0.4)' : '0 1px 6px rgba(0,0,0,0.4)', display: 'grid', placeItems: 'center', color: '#1d5fbf', fontSize: 14, fontWeight: 700,
        }}>‹ ›</div>
      </div>
    </div>
  );
}
