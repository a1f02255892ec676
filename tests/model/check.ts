/**
 * The model-based fault test: random schedules of clicks, answers, faults and time against the
 * real engine (see ./world.ts), each ending with every fault healed; then the engine must be in
 * the services' state. Runner-agnostic: Vitest runs it in `npm test`, `npm run test:model` for
 * longer runs or to replay a failure (`--seed` and `--path`, as a failure prints them).
 */
import fc from 'fast-check';
import { KINDS } from '@/lib/kinds/registry';
import type { Outcome } from './services';
import { TARGETS, VALUES, World } from './world';

type Command = fc.AsyncCommand<object, World>;

/** A command: `act` changes the world, then every promise chain that can move, moves. */
function command(name: string, act: (world: World) => void | Promise<void>): Command {
  return {
    check: () => true,
    async run(_model, world) {
      await act(world);
      await world.flush();
    },
    toString: () => name,
  };
}

const OUTCOMES: readonly Outcome[] = [
  'ok',
  'ok',
  'ok',
  'twice',
  'lost-before',
  'lost-after',
  'server-error',
  'server-error-after',
  'garbled',
  'rate-limited',
  'rate-limited-bare',
];

const small = fc.nat({ max: 7 });

const ALL_COMMANDS = [
  fc
    .tuple(fc.nat({ max: 1 }), fc.nat({ max: TARGETS.length - 1 }), fc.nat({ max: 2 }))
    .map(([tab, target, value]) =>
      command(`click(tab ${tab}, target ${target}, value ${value})`, (w) =>
        w.click(tab, target, value),
      ),
    ),
  fc
    .tuple(
      fc.nat({ max: 1 }),
      fc.nat({ max: TARGETS.length - 1 }),
      fc.nat({ max: 2 }),
      fc.integer({ min: 2, max: 5 }),
    )
    .map(([tab, target, value, times]) =>
      command(`rapidToggles(tab ${tab}, target ${target}, value ${value}, ×${times})`, (w) => {
        for (let i = 0; i < times; i++) w.click(tab, target, value);
      }),
    ),
  fc
    .tuple(small, fc.constantFrom(...OUTCOMES))
    .map(([index, outcome]) =>
      command(`answer(${index}, ${outcome})`, (w) => w.answer(index, outcome)),
    ),
  fc
    .tuple(fc.nat({ max: 1 }), fc.nat({ max: 1 }))
    .map(([message, value]) =>
      command(`reactElsewhere(message ${message}, value ${value})`, (w) =>
        w.reactElsewhere(message, value),
      ),
    ),
  fc
    .tuple(fc.nat({ max: 2 }), fc.nat({ max: 2 }))
    .map(([target, value]) =>
      command(`reactOnPage(target ${target}, value ${value})`, (w) => w.reactOnPage(target, value)),
    ),
  fc
    .integer({ min: 1, max: 4 })
    .map((count) => command(`deliverEvents(${count})`, (w) => w.deliverEvents(count))),
  small.map((back) => command(`duplicateEvent(${back})`, (w) => w.duplicateEvent(back))),
  fc.constant(command('dropSocket', (w) => w.dropSocket())),
  fc.constant(command('connectSocket', (w) => w.connectSocket())),
  fc.constant(command('offline', (w) => w.setOffline(true))),
  fc.constant(command('online', (w) => w.setOffline(false))),
  fc.boolean().map((slow) => command(`slowDisk(${slow})`, (w) => w.setSlowDisk(slow))),
  fc
    .integer({ min: 1, max: 3 })
    .map((count) => command(`releaseWrites(${count})`, (w) => w.releaseWrites(count))),
  fc
    .nat({ max: 3 })
    .map((landed) => command(`killWorker(${landed} held writes land)`, (w) => w.kill(landed))),
  fc.constant(command('restartBrowser', (w) => w.restartBrowser())),
  fc
    .constantFrom(500, 5_000, 40_000, 130_000, 600_000)
    .map((ms) => command(`passTime(${ms} ms)`, (w) => w.passTime(ms))),
];

/** Each command's weight: users click and services answer far more often than workers die. */
const WEIGHTS = [4, 1, 5, 2, 2, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

export const COMMANDS = ALL_COMMANDS.flatMap((arbitrary, index) =>
  Array.from({ length: WEIGHTS[index] ?? 1 }, () => arbitrary),
);

/** Throws, with what differs, unless the settled world is what the property demands. */
export function checkSettled(world: World): void {
  const { intents } = world.engine.inspect();
  if (intents.length > 0 || world.disk.intents.size > 0) {
    throw new Error(`The outbox is not empty: ${JSON.stringify(intents)}`);
  }
  for (const target of TARGETS) {
    const expected = world.serviceView(target).sort();
    for (const tab of [0, 1]) {
      const view = world.tabView(tab, target.urn);
      if (
        JSON.stringify([...view.active].sort()) !== JSON.stringify(expected) ||
        view.pending.length > 0
      ) {
        throw new Error(
          `Tab ${tab} shows ${JSON.stringify(view)} for ${target.urn}; the service has ${JSON.stringify(expected)}`,
        );
      }
    }
    checkLatestIntentWins(world, target);
  }
  checkHistory(world);
}

/** Per slot, the service ends in the latest intent by time: a click, or a change made elsewhere. */
function checkLatestIntentWins(world: World, target: (typeof TARGETS)[number]): void {
  const slots = new Set(VALUES[target.kind].map((value) => world.slotOf(target, value)));
  for (const slot of slots) {
    const one = KINDS[target.kind].model === 'one';
    let current: string | null = null;
    const intents = [
      ...world.clicks
        .filter((click) => click.slot === slot && !click.lost)
        .map((click) => ({ ...click, ambiguous: false })),
      ...[...world.cs.writes, ...world.li.writes]
        .filter((write) => write.slot === slot && write.by === 'elsewhere')
        .map((write) => ({ ...write, ambiguous: world.ambiguous(slot, write.state, write.at) })),
    ]
      .sort((a, b) => a.at - b.at)
      // One model: removing a type the target does not have then (a stale tab) removes nothing;
      // what it has then follows clicks and changes made elsewhere (LinkedIn's own button).
      .filter((intent) => {
        const removes = 'value' in intent && intent.state === null ? intent.value : undefined;
        if (one && removes !== undefined && current !== removes) return false;
        current = intent.state;
        return true;
      });
    const latest = intents.at(-1);
    if (!latest) continue;
    // A change made elsewhere that sets the very state one of our requests was setting at that
    // moment cannot be told from that request's echo by state and time; either reading is fair.
    // Each such change may count as an intent or not: any of them later than the latest clear
    // intent may be the one the service ends in.
    const clear = intents.filter((intent) => !intent.ambiguous).at(-1);
    const allowed = new Set([clear?.state ?? null]);
    for (const intent of intents) {
      if (intent.ambiguous && intent.at > (clear?.at ?? 0)) allowed.add(intent.state);
    }
    const actual = world.serviceState(slot);
    if (!allowed.has(actual)) {
      throw new Error(
        `Slot ${slot} ends in ${actual}; the latest intent is ${JSON.stringify(latest)} (${KINDS[target.kind].model} model)`,
      );
    }
  }
}

/** No line twice, no line for a change nobody made. */
function checkHistory(world: World): void {
  const own = world.disk.history.filter(
    (line) => line.source === 'own' && line.outcome === 'applied',
  );
  if (own.length > world.successesAnswered) {
    throw new Error(
      `${own.length} own history lines for ${world.successesAnswered} successful answers`,
    );
  }
  const remote = world.disk.history.filter((line) => line.source === 'remote');
  const seen = new Set<string>();
  for (const line of remote) {
    const one = KINDS[line.kind].model === 'one';
    const slot = `${line.actor}|${line.urn}|${one ? '' : line.value}`;
    // A message's change carries the service's time; a change LinkedIn's page showed is dated
    // after everything the engine had seen on the target, so at or after the click.
    const made = (one ? world.li.writes : world.cs.writes).some(
      (write) =>
        write.by === 'elsewhere' &&
        write.slot === slot &&
        (one ? write.at <= line.at : write.at === line.at) &&
        (write.state !== null) === line.react,
    );
    if (!made)
      throw new Error(`A remote history line for a change nobody made: ${JSON.stringify(line)}`);
    const key = `${slot}@${line.at}`;
    if (seen.has(key)) throw new Error(`A remote change recorded twice: ${JSON.stringify(line)}`);
    seen.add(key);
  }
}

export interface ModelRunOptions {
  numRuns: number;
  seed?: number;
  path?: string;
  maxCommands?: number;
}

export async function runModel(options: ModelRunOptions): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.commands(COMMANDS, { maxCommands: options.maxCommands ?? 40, size: 'max' }),
      fc.constantFrom('upsert' as const, 'conflict' as const),
      async (commands, createWhenExists) => {
        const world = new World(createWhenExists);
        await world.connectSocket();
        await fc.asyncModelRun(() => ({ model: {}, real: world }), commands);
        await world.settle();
        checkSettled(world);
      },
    ),
    {
      numRuns: options.numRuns,
      seed: options.seed,
      path: options.path,
      endOnFailure: options.path !== undefined,
    },
  );
}
