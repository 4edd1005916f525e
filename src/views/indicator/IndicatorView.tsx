import type { ViewProps } from '../types';

export default function IndicatorView({ loaded }: ViewProps) {
  return <p>indicator: {loaded.dataset.observations.length}</p>;
}
