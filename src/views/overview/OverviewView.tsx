import type { ViewProps } from '../types';

export default function OverviewView({ loaded }: ViewProps) {
  return <p>overview: {loaded.dataset.observations.length}</p>;
}
