import fc from 'fast-check';
import { COMMANDS, checkSettled } from '/work/main/tests/model/check';
import { World } from '/work/main/tests/model/world';
const stats = { clicks: 0, writes: 0, events: 0, history: 0, answered: 0, runs: 0 };
const keepAlive = setInterval(() => {}, 1000);
await fc.assert(fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 40, size: 'max' }), async (cmds) => {
  const world = new World('upsert');
  const run = (async () => {
  await world.connectSocket();
  await fc.asyncModelRun(() => ({ model: {}, real: world }), cmds);
  await world.settle();
  checkSettled(world);
  })();
  await Promise.race([run, new Promise((_, rej) => setTimeout(() => rej(new Error('hung')), 3000))]);
  stats.runs++; stats.clicks += world.clicks.length; stats.writes += world.cs.writes.length + world.li.writes.length;
  stats.events += world.cs.events.length; stats.history += world.disk.history.length; stats.answered += world.successesAnswered;
}), { numRuns: Number(process.env.RUNS ?? 100), seed: process.env.SEED ? Number(process.env.SEED) : undefined, path: process.env.FCPATH });
console.log(stats);
clearInterval(keepAlive);
