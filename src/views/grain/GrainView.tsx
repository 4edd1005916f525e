import type { ViewProps } from '../types';

export default function GrainView({ loaded }: ViewProps) {
  return <p>grain: {loaded.dataset.observations.length}</p>;
}
