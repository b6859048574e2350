/**
 * A list that renders only the rows in view (plus a few either side), so 100,000 notes cost what 20 do. Rows
 * have one fixed height; the row being edited has another, so every row's position is still a multiplication.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  count: number;
  rowHeight: number;
  /** Index of the one taller row (being edited), or -1. */
  tall: number;
  tallHeight: number;
  /** Index to keep in view (the keyboard's row). */
  active: number;
  overscan?: number;
  label: string;
  renderRow(index: number): ComponentChildren;
  onRange(first: number, last: number): void;
  queryKey: string;
}

export function VirtualList({ count, rowHeight, tall, tallHeight, active, overscan = 6, label, renderRow, onRange, queryKey }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const extra = tall >= 0 ? tallHeight - rowHeight : 0;
  const top = (i: number) => i * rowHeight + (tall >= 0 && i > tall ? extra : 0);
  const total = count * rowHeight + extra;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight || 400);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 400));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the keyboard's row in view.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || active < 0) return;
    const t = top(active);
    const h = active === tall ? tallHeight : rowHeight;
    if (t < el.scrollTop) el.scrollTop = t;
    else if (t + h > el.scrollTop + el.clientHeight) el.scrollTop = t + h - el.clientHeight;
  }, [active, tall]);

  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [queryKey]);

  const approx = (y: number) => Math.max(0, Math.min(count - 1, Math.floor((y > top(tall + 1) && tall >= 0 ? y - extra : y) / rowHeight)));
  const first = Math.max(0, approx(scrollTop) - overscan);
  const last = Math.min(count - 1, approx(scrollTop + height) + overscan);

  useLayoutEffect(() => {
    if (count > 0) onRange(first, last);
  }, [first, last, count, queryKey]);

  const rows = [];
  for (let i = first; i <= last && count > 0; i++) {
    rows.push(
      <li key={i} style={{ position: 'absolute', top: `${top(i)}px`, left: 0, right: 0, height: `${i === tall ? tallHeight : rowHeight}px` }}>
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div class="vlist" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-results-for={queryKey}>
      <ul aria-label={label} style={{ position: 'relative', height: `${total}px`, margin: 0, padding: 0, listStyle: 'none' }}>
        {rows}
      </ul>
    </div>
  );
}
