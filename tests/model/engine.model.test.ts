// @vitest-environment node
/**
 * The engine under random faults (see ./check.ts). `npm test` runs MODEL_RUNS schedules
 * (10,000 by default); a failure prints its seed and shrunk schedule, and
 * `npm run test:model -- --seed <seed> --path <path>` replays it.
 */
import { expect, it } from 'vitest';
import { runModel } from './check';

const RUNS = Number(process.env.MODEL_RUNS ?? 10_000);

it(`ends in the services' state after ${RUNS} random schedules of faults`, async () => {
  await expect(runModel({ numRuns: RUNS })).resolves.toBeUndefined();
}, 300_000);
