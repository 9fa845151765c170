import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

// The page keeps its printed layout (595 px wide, lines broken where the .docx breaks them) and
// is scaled as a whole to the room it has: smaller in the editor's pane and on a phone, with no
// sideways scrolling; up to `maxScale` where there is room (a reader's wide screen).

export function FitPage({ width, maxScale = 1, children }: { width: number; maxScale?: number; children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ scale: number; height: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const box = outer.current;
    const page = inner.current;
    if (!box || !page) return;
    const measure = () => {
      const room = box.clientWidth;
      const scale = Math.min(maxScale, room / width);
      // The transform leaves the layout box as it was: the wrapper takes the scaled height (and
      // shows the page's shadow past its edges once the page fits).
      setFit({ scale, height: page.offsetHeight * scale, left: Math.max(0, (room - width * scale) / 2) });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(page);
    return () => observer.disconnect();
  }, [width, maxScale]);

  return (
    <div ref={outer} style={{ width: '100%', height: fit?.height, overflow: fit ? 'visible' : 'hidden', position: 'relative' }} data-scale={fit?.scale.toFixed(3)}>
      <div
        ref={inner}
        style={{ width, position: 'absolute', top: 0, left: fit?.left ?? 0, transformOrigin: '0 0', transform: `scale(${fit?.scale ?? 1})`, visibility: fit ? 'visible' : 'hidden' }}
      >
        {children}
      </div>
    </div>
  );
}
