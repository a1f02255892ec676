/**
 * `npm run test:model -- --runs N` runs N schedules; `--seed S --path P` replays a failure
 * as fast-check printed it.
 */
import { parseArgs } from 'node:util';
// Before the engine: its notices read the catalogue through the browser's globals.
import '../support/node-i18n';
import { runModel } from './check';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'max-commands': { type: 'string' },
  },
});

const started = performance.now();
const numRuns = Number(values.runs);
await runModel({
  numRuns,
  seed: values.seed === undefined ? undefined : Number(values.seed),
  path: values.path,
  maxCommands: values['max-commands'] === undefined ? undefined : Number(values['max-commands']),
});
console.log(
  `${numRuns} schedules passed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
