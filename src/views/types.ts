import type { SetState } from '../app/useAppState';
import type { Loaded } from '../app/useDataset';
import type { AppState } from '../core/url';

/** Every view gets the same three things: the URL state, its setter, and the loaded data. */
export interface ViewProps {
  state: AppState;
  set: SetState;
  loaded: Loaded;
}
