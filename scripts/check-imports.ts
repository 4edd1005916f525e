/**
 * `npm run check-imports`: the files of src/ and scripts/ import one another without cycles and
 * only down the layers (README "Code layout"); prints each offence, exit 1 on any.
 */
import { ROOT } from './lib/fsdata';
import { findCycles, importGraph, layerViolations } from './lib/importGraph';

const graph = importGraph(ROOT, ['src', 'scripts']);
const cycles = findCycles(graph);
const wrong = layerViolations(graph);
for (const c of cycles) console.error(`cycle: ${c.join(' ⇄ ')}`);
for (const w of wrong) console.error(w);
console.log(`${graph.size} files: ${cycles.length} import cycle(s), ${wrong.length} import(s) against the layers`);
process.exit(cycles.length || wrong.length ? 1 : 0);
