import type { ViewProps } from '../types';

export default function AirView({ loaded }: ViewProps) {
  return <p>air: {loaded.dataset.observations.length}</p>;
}
