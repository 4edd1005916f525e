import type { ViewProps } from '../types';

export default function DataView({ loaded }: ViewProps) {
  return <p>data: {loaded.dataset.observations.length}</p>;
}
