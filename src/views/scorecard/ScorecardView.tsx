import type { ViewProps } from '../types';

export default function ScorecardView({ loaded }: ViewProps) {
  return <p>scorecard: {loaded.dataset.observations.length}</p>;
}
