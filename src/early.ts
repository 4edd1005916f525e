/**
 * Second entry of the build: public/preload-data.js imports it (named in <meta name="app-entry">)
 * to start loading the data before the app's own code has arrived (app/earlyLoad.ts).
 */
import { loadEarly } from './app/earlyLoad';

loadEarly(window.location.search);
