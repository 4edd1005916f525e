/**
 * The data check: the same modules run in the command line, in CI and in the browser. Each
 * reader keeps every good row and reports every bad one; a bad row never stops the rest.
 * Reference files (reference.ts), observation rules (observationRules.ts) and their fast path
 * (fastPath.ts), id look-ups (lookups.ts), key tables (keys.ts), quote matching (quoteMatch.ts).
 */
export { quoteHolds, quoteHoldsAt } from './quoteMatch';
export { isIsoDate, readDistricts, readIndicators, readSources, sourceOfRow, uniqueIds, type Read, type ReadOptions, type Reference } from './reference';
export { Lookups } from './lookups';
export { FigureGroups, IntTable } from './keys';
export { KEPT_WARM, readObservations } from './observations';
