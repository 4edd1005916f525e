import type { ViewProps } from '../types';

export default function CheckView({ loaded }: ViewProps) {
  return <p>check: {loaded.dataset.observations.length}</p>;
}
