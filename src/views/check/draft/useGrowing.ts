/**
 * How many of `total` items to draw: `step` at once, then `step` more in each following task
 * until all are drawn. A long list then never blocks the page in one piece: each task draws a
 * slice, and clicks are answered between slices.
 */
import { useEffect, useState } from 'react';

export function useGrowing(total: number, step: number): number {
  const [limit, setLimit] = useState(step);
  useEffect(() => {
    if (limit >= total) return;
    const id = setTimeout(() => setLimit((l) => l + step), 0);
    return () => clearTimeout(id);
  }, [limit, total, step]);
  return Math.min(limit, total);
}
