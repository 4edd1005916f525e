/**
 * The reader's day, read from the clock in this one place: every status the app shows (pending or
 * not in the data) is said on it. Tests of the model pass a fixed day to Catalog; browser tests
 * fix the page's clock (Playwright's page.clock), which this reads.
 */
import { isoDay, type IsoDay } from '../model/calendar';

export const today = (): IsoDay => isoDay(new Date());
