/** What every view receives from the shell (src/app): the views' whole contract with it. */
import type { AppState, SetState } from '../core/url';
import type { CheckedDataset } from '../data/dataset';
import type { Catalog } from '../model/catalog';

/** The published data, checked and indexed. */
export interface Loaded {
  dataset: CheckedDataset;
  catalog: Catalog;
  /** Every year published (data/index.json), also those not fetched for this view: for year choices. */
  available: number[];
}

/** Every view gets the same three things: the URL state, its setter, and the loaded data. */
export interface ViewProps {
  state: AppState;
  set: SetState;
  loaded: Loaded;
}
