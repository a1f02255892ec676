/**
 * `npm run bench` (after both builds): 1,000 messages arrive in batches of 10 on a LinkedIn-like
 * messaging page, in three fresh Chromium profiles: without an extension, with the naive
 * variant (tests/bench/naive) and with Reactbar (.output/chrome-mv3, against the emulator, with
 * a key). Prints a table against the targets and writes bench-output/results.json.
 *
 *   tsx tests/bench/run.ts [--reps N] [--profile]
 *
 * See tests/bench/README.md for what each figure means.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { reactPath } from '../emulator/fixtures';
import { type Emulator, startEmulator } from '../emulator/server';
import {
  configureConnection,
  EXTENSION_DIR,
  type ExtensionBrowser,
  extensionPageUrl,
  launchBrowser,
  PROJECT_ROOT,
} from '../support/browser';
import {
  type BenchApi,
  type ClickArm,
  type ClickResult,
  harnessScript,
  type RunResult,
  type StyleCopies,
} from './harness';
import { BENCH_URL, type BenchMessage, batchesOf, benchPageHtml, buildMessages } from './page';
import { type CpuProfile, summarizeProfile } from './profile';
import { median, mib, ms, round, type Summary, summarize, table } from './stats';

const MESSAGES = 1000;
const BATCH = 10;
const SAMPLES = 50;
const EMOJI = '👍';
const NAIVE_DIR = path.join(PROJECT_ROOT, 'tests', 'bench', 'naive', '.output', 'chrome-mv3');
const OUTPUT = path.join(PROJECT_ROOT, 'bench-output', 'results.json');
/** Everything, builds excluded, must finish in this time, or the run is abandoned. */
const WATCHDOG_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 240_000);
/** Quiet time after a page's load, before measuring: the content script starts at document_idle. */
const SETTLE_MS = 1200;

const args = process.argv.slice(2);
const REPS = Math.max(1, Number(args[args.indexOf('--reps') + 1] ?? 0) || 3);
const PROFILE = args.includes('--profile');

type VariantName = 'none' | 'naive' | 'reactbar';

interface Variant {
  name: VariantName;
  label: string;
  extensionDir: string | null;
  /** Shadow hosts whose shadow root shows a bar once a target is decorated. */
  hostTags: string[];
}

const VARIANTS: readonly Variant[] = [
  { name: 'none', label: 'no extension', extensionDir: null, hostTags: [] },
  { name: 'naive', label: 'naive', extensionDir: NAIVE_DIR, hostTags: ['reactbar-naive-bar'] },
  { name: 'reactbar', label: 'Reactbar', extensionDir: EXTENSION_DIR, hostTags: ['reactbar-host'] },
];

interface LoadRun {
  /** Metric deltas (ms) from just before the first batch to the end of the frame after "done". */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Main-thread CPU time (ThreadTime), insensitive to other processes taking the CPU. */
  threadMs: number;
  /** The same deltas, up to 1 s after "done" (trailing work such as late store updates). */
  settled: { taskMs: number; scriptMs: number; threadMs: number };
  /** First batch → every target decorated (no extension: → every message added). */
  decorateMs: number;
  heapBytes: number;
  styles: StyleCopies;
  page: RunResult;
}

interface Launched {
  variant: Variant;
  browser: ExtensionBrowser;
}

// ---------------------------------------------------------------------------------------------
// Plumbing

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

async function withTimeout<T>(promise: Promise<T>, millis: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${millis} ms: ${what}`)), millis);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Calls the page-side harness (window.__bench). */
async function call<K extends keyof BenchApi>(
  page: Page,
  name: K,
  arg?: Parameters<BenchApi[K]>[0],
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    ({ name, arg }) =>
      (window as unknown as { __bench: Record<string, (value: unknown) => unknown> }).__bench[name]?.(arg),
    { name, arg },
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

/** Difference of a seconds-valued metric, in ms. */
function deltaMs(after: Record<string, number>, before: Record<string, number>, name: string): number {
  return ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
}

async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

// ---------------------------------------------------------------------------------------------
// Browsers

async function launch(variant: Variant, pageHtml: string, emulator: Emulator): Promise<Launched> {
  const browser = await launchBrowser({ extensionDir: variant.extensionDir });
  const { context, extensionId } = browser;
  await context.route('https://www.linkedin.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (decodeURIComponent(url.pathname) === decodeURIComponent(new URL(BENCH_URL).pathname)) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml });
    } else {
      await route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' });
    }
  });
  if (variant.name === 'reactbar') {
    if (!extensionId) throw new Error('Reactbar did not load');
    await configureConnection(context, extensionId, emulator.urls);
    await addKey(context, extensionId, emulator.credentials.connectSafelyKey);
  }
  return { variant, browser };
}

/** Adds a ConnectSafely key through the popup's Accounts tab, as a user does (and the e2e fixture). */
async function addKey(context: BrowserContext, extensionId: string, apiKey: string): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`${extensionPageUrl(extensionId, 'popup.html')}#accounts`);
  await popup.getByLabel('API key', { exact: true }).fill(apiKey);
  await popup.getByRole('button', { name: 'Add key' }).click();
  await popup.getByRole('status').filter({ hasText: /added\./ }).waitFor({ state: 'attached', timeout: 10_000 });
  await popup.close();
}

async function openBenchPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(BENCH_URL, { waitUntil: 'load', timeout: 15_000 });
  await sleep(SETTLE_MS);
  return { page, cdp };
}

// ---------------------------------------------------------------------------------------------
// Load: 1,000 messages, 10 per frame

async function loadRun(
  launched: Launched,
  batches: string[],
  profile = false,
): Promise<{ run: LoadRun; profile?: CpuProfile }> {
  const { variant } = launched;
  const { page, cdp } = await openBenchPage(launched.browser.context);
  try {
    await call(page, 'load', batches);
    await collectGarbage(cdp);
    await sleep(200);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const before = await metrics(cdp);
    const result = await withTimeout(
      call(page, 'run', { hostTags: variant.hostTags, expected: MESSAGES, timeoutMs: 60_000 }),
      70_000,
      `${variant.label}: decorating ${MESSAGES} messages`,
    );
    const after = await metrics(cdp);
    const cpu = profile ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : undefined;
    await sleep(1000);
    const settled = await metrics(cdp);
    if (result.timedOut) throw new Error(`${variant.label}: only ${result.decorated} of ${MESSAGES} decorated`);
    if (result.messages !== MESSAGES) throw new Error(`${variant.label}: ${result.messages} messages on the page`);

    const styles = await call(page, 'styleCopies');
    await call(page, 'clear');
    await collectGarbage(cdp);
    const heap = await metrics(cdp);
    return {
      run: {
        taskMs: deltaMs(after, before, 'TaskDuration'),
        scriptMs: deltaMs(after, before, 'ScriptDuration'),
        layoutMs: deltaMs(after, before, 'LayoutDuration'),
        styleMs: deltaMs(after, before, 'RecalcStyleDuration'),
        threadMs: deltaMs(after, before, 'ThreadTime'),
        settled: {
          taskMs: deltaMs(settled, before, 'TaskDuration'),
          scriptMs: deltaMs(settled, before, 'ScriptDuration'),
          threadMs: deltaMs(settled, before, 'ThreadTime'),
        },
        decorateMs: result.done - result.start,
        heapBytes: heap.JSHeapUsedSize ?? Number.NaN,
        styles,
        page: result,
      },
      profile: cpu,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Clicks

/** A page with every message already there and decorated (for the click and latency samples). */
async function openLoadedPage(launched: Launched, batches: string[]): Promise<Page> {
  const { page, cdp } = await openBenchPage(launched.browser.context);
  await cdp.detach();
  await call(page, 'load', batches);
  await call(page, 'addAll');
  await call(page, 'clear');
  const deadline = Date.now() + 30_000;
  while ((await call(page, 'decoratedCount', launched.variant.hostTags)) < MESSAGES) {
    if (Date.now() > deadline) throw new Error(`${launched.variant.label}: bars missing on a loaded page`);
    await sleep(100);
  }
  return page;
}

function buttonSelector(urn: string): string {
  return `reactbar-host[data-reactbar-urn="${urn}"] button.rb-emoji`;
}

/**
 * Hovers the message, then clicks its emoji button with the real (trusted) mouse, the page
 * timing the click to the first frame that shows the change.
 */
async function clickSample(page: Page, urn: string, expectPressed: boolean): Promise<ClickResult> {
  const message = page.locator(`[data-event-urn="${urn}"]`);
  await message.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await message.boundingBox();
  if (!box) throw new Error(`No box for ${urn}`);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 24));
  await sleep(150); // The bar fades in over 80 ms.
  const button = page.locator(buttonSelector(urn)).filter({ hasText: EMOJI }).first();
  const target = await button.boundingBox({ timeout: 5000 });
  if (!target) throw new Error(`No ${EMOJI} button for ${urn}`);
  const arm: ClickArm = { urn, emoji: EMOJI, expectPressed, timeoutMs: 5000 };
  await call(page, 'armClick', arm);
  await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
  const result = await withTimeout(call(page, 'clickResult'), 7000, `click on ${urn}`);
  if (!result.ok) throw new Error(`The click on ${urn} did not change aria-pressed within 5 s`);
  return result;
}

/** Waits until the background confirmed the reaction (no more data-pending on the button). */
async function waitConfirmed(page: Page, urn: string, pressed: boolean): Promise<void> {
  const confirmed = page
    .locator(buttonSelector(urn))
    .filter({ hasText: EMOJI })
    .and(page.locator(`[aria-pressed="${pressed}"]:not([data-pending])`));
  await confirmed.waitFor({ state: 'attached', timeout: 10_000 });
}

interface ClickFigures {
  domMs: Summary;
  rafMs: Summary;
  frameEndMs: Summary;
  /** Share of samples painted in the very first frame after the click. */
  nextFrameShare: number;
}

function clickFigures(samples: readonly ClickResult[]): ClickFigures {
  return {
    domMs: summarize(samples.map((sample) => sample.domMs)),
    rafMs: summarize(samples.map((sample) => sample.rafMs)),
    frameEndMs: summarize(samples.map((sample) => sample.frameEndMs)),
    nextFrameShare: samples.filter((sample) => sample.frames === 1).length / samples.length,
  };
}

async function clickToPaint(launched: Launched, page: Page, messages: readonly BenchMessage[]): Promise<ClickResult[]> {
  const samples: ClickResult[] = [];
  for (const message of messages) {
    samples.push(await clickSample(page, message.urn, true));
    if (launched.variant.name === 'reactbar') await waitConfirmed(page, message.urn, true);
  }
  return samples;
}

/** Click in A, seen in B; alternately a new reaction and the removal of an earlier one. */
async function tabToTab(
  tabA: Page,
  tabB: Page,
  fresh: readonly BenchMessage[],
  reacted: readonly BenchMessage[],
): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const react = index % 2 === 0;
    const message = (react ? fresh : reacted)[Math.floor(index / 2)];
    if (!message) throw new Error('Not enough messages for the tab-to-tab samples');
    await call(tabB, 'watchPressed', { urn: message.urn, emoji: EMOJI, expectPressed: react, timeoutMs: 5000 });
    const click = await clickSample(tabA, message.urn, react);
    const seen = await withTimeout(call(tabB, 'watchResult'), 7000, 'tab B');
    if (!seen.ok) throw new Error(`Tab B never showed the change on ${message.urn}`);
    latencies.push(seen.perfEpoch - click.clickEpoch);
    await waitConfirmed(tabA, message.urn, react);
  }
  return latencies;
}

/** A reaction "made elsewhere": Node calls the API itself; B shows it through the socket. */
async function socketToTab(
  emulator: Emulator,
  tabB: Page,
  fresh: readonly BenchMessage[],
  reacted: readonly BenchMessage[],
): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const react = index % 2 === 0;
    const message = (react ? fresh : reacted)[Math.floor(index / 2)];
    if (!message) throw new Error('Not enough messages for the socket-to-tab samples');
    await call(tabB, 'watchPressed', { urn: message.urn, emoji: EMOJI, expectPressed: react, timeoutMs: 5000 });
    const url = `${emulator.urls.connectSafelyUrl}${reactPath(message.conversationUrn, message.urn)}`;
    const t0 = Date.now();
    const answer = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${emulator.credentials.connectSafelyKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ emoji: EMOJI, react }),
    });
    if (!answer.ok) throw new Error(`The emulator refused the react call: ${answer.status} ${await answer.text()}`);
    const seen = await withTimeout(call(tabB, 'watchResult'), 7000, 'tab B (socket)');
    if (!seen.ok) throw new Error(`Tab B never showed the remote change on ${message.urn}`);
    latencies.push(seen.dateEpoch - t0);
    await sleep(50);
  }
  return latencies;
}

// ---------------------------------------------------------------------------------------------
// Main

interface VariantFigures {
  runs: LoadRun[];
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  threadMs: number;
  settledTaskMs: number;
  decorateMs: number;
  heapBytes: number;
  styleCopies: number;
  cssChars: number;
  maxFrameGapMs: number;
  longTaskMs: number;
}

function figuresOf(runs: LoadRun[]): VariantFigures {
  const med = (pick: (run: LoadRun) => number) => median(runs.map(pick));
  return {
    runs,
    taskMs: med((run) => run.taskMs),
    scriptMs: med((run) => run.scriptMs),
    layoutMs: med((run) => run.layoutMs),
    styleMs: med((run) => run.styleMs),
    threadMs: med((run) => run.threadMs),
    settledTaskMs: med((run) => run.settled.taskMs),
    decorateMs: med((run) => run.decorateMs),
    heapBytes: med((run) => run.heapBytes),
    styleCopies: med((run) => run.styles.copies),
    cssChars: med((run) => run.styles.cssChars),
    maxFrameGapMs: med((run) => run.page.maxFrameGap),
    longTaskMs: med((run) => run.page.longTasks.total),
  };
}

/** Per repetition, variant minus the no-extension run of the same round; then the median. */
function addedOver(variant: LoadRun[], none: LoadRun[], pick: (run: LoadRun) => number): number {
  return median(variant.map((run, index) => pick(run) - pick(none[index] ?? run)));
}

async function main(): Promise<void> {
  for (const [dir, how] of [
    [EXTENSION_DIR, 'wxt build'],
    [NAIVE_DIR, 'wxt build tests/bench/naive'],
  ] as const) {
    if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`No build in ${dir}: run "${how}" first`);
  }
  const started = Date.now();
  const messages = buildMessages(MESSAGES);
  const batches = batchesOf(messages, BATCH);
  const pageHtml = await benchPageHtml(harnessScript());
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    cleanups.length = 0;
  };
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${WATCHDOG_MS / 1000} s`);
    void cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }

  try {
    const emulator = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const launched = new Map<VariantName, Launched>();
    for (const variant of VARIANTS) {
      const browser = await launch(variant, pageHtml, emulator);
      launched.set(variant.name, browser);
      cleanups.push(async () => {
        await browser.browser.context.close();
        await rm(browser.browser.userDataDir, { recursive: true, force: true });
      });
    }
    const get = (name: VariantName): Launched => {
      const found = launched.get(name);
      if (!found) throw new Error(`${name} not launched`);
      return found;
    };
    const loadAvg = () => os.loadavg().map((value) => round(value, 2));
    console.log(`bench: ${MESSAGES} messages in batches of ${BATCH}, ${REPS} measured rounds after a warm-up; load average ${loadAvg().join(' ')}`);

    // Warm-up (discarded), then rounds: none, naive, Reactbar in turn, so that a change in the
    // machine's load hits every variant alike.
    const runs: Record<VariantName, LoadRun[]> = { none: [], naive: [], reactbar: [] };
    for (let round = 0; round <= REPS; round++) {
      for (const variant of VARIANTS) {
        const { run } = await loadRun(get(variant.name), batches);
        const tag = round === 0 ? 'warm-up' : `round ${round}`;
        console.log(
          `  ${tag.padEnd(8)} ${variant.label.padEnd(12)} task ${ms(run.taskMs).padStart(10)}  cpu ${ms(run.threadMs).padStart(10)}  decorated in ${ms(run.decorateMs).padStart(10)}  heap ${mib(run.heapBytes)}`,
        );
        if (round > 0) runs[variant.name].push(run);
      }
    }

    const profiles: Record<string, ReturnType<typeof summarizeProfile>> = {};
    if (PROFILE) {
      for (const name of ['naive', 'reactbar'] as const) {
        const { profile } = await loadRun(get(name), batches, true);
        if (profile) profiles[name] = summarizeProfile(profile, 20);
      }
    }

    // Clicks and latencies.
    console.log('bench: clicks and latencies');
    const naivePage = await openLoadedPage(get('naive'), batches);
    const naiveClicks = await clickToPaint(get('naive'), naivePage, messages.slice(0, SAMPLES));
    await naivePage.close();

    const reactbar = get('reactbar');
    const tabA = await openLoadedPage(reactbar, batches);
    const tabB = await openLoadedPage(reactbar, batches);
    const clicked = messages.slice(0, SAMPLES); // 👍 by click-to-paint
    const reactbarClicks = await clickToPaint(reactbar, tabA, clicked);
    const tabLatencies = await tabToTab(tabA, tabB, messages.slice(100, 125), clicked.slice(0, 25));
    const socketLatencies = await socketToTab(emulator, tabB, messages.slice(200, 225), clicked.slice(25, 50));
    const tabBVisibility = await tabB.evaluate(() => document.visibilityState);

    // Figures.
    const none = figuresOf(runs.none);
    const naive = figuresOf(runs.naive);
    const rb = figuresOf(runs.reactbar);
    const added = (name: 'naive' | 'reactbar', pick: (run: LoadRun) => number) =>
      addedOver(runs[name], runs.none, pick);
    const addedTask = { naive: added('naive', (run) => run.taskMs), reactbar: added('reactbar', (run) => run.taskMs) };
    const addedThread = { naive: added('naive', (run) => run.threadMs), reactbar: added('reactbar', (run) => run.threadMs) };
    const addedSettled = {
      naive: added('naive', (run) => run.settled.taskMs),
      reactbar: added('reactbar', (run) => run.settled.taskMs),
    };
    const addedScript = { naive: added('naive', (run) => run.scriptMs), reactbar: added('reactbar', (run) => run.scriptMs) };
    const addedLayout = { naive: added('naive', (run) => run.layoutMs), reactbar: added('reactbar', (run) => run.layoutMs) };
    const addedStyle = { naive: added('naive', (run) => run.styleMs), reactbar: added('reactbar', (run) => run.styleMs) };
    const addedHeap = { naive: added('naive', (run) => run.heapBytes), reactbar: added('reactbar', (run) => run.heapBytes) };
    const ratio = addedTask.naive / addedTask.reactbar;
    const ratioCpu = addedThread.naive / addedThread.reactbar;
    const clicksNaive = clickFigures(naiveClicks);
    const clicksReactbar = clickFigures(reactbarClicks);
    const tabToTabMs = summarize(tabLatencies);
    const socketToTabMs = summarize(socketLatencies);

    const checks = [
      {
        target: 'naive ÷ Reactbar added main-thread time ≥ 10×',
        value: `${ratio.toFixed(1)}×`,
        pass: ratio >= 10,
      },
      {
        target: 'Reactbar added main-thread time per target ≤ 0.5 ms',
        value: ms(addedTask.reactbar / MESSAGES, 3),
        pass: addedTask.reactbar / MESSAGES <= 0.5,
      },
      { target: 'stylesheet copies = 1', value: String(rb.styleCopies), pass: rb.styleCopies === 1 },
      {
        target: 'JS heap added for 1,000 targets ≤ 5 MB',
        value: mib(addedHeap.reactbar),
        pass: addedHeap.reactbar <= 5 * 2 ** 20,
      },
      {
        target: 'click-to-paint p95 ≤ 16 ms (click → rAF of the frame showing it)',
        value: ms(clicksReactbar.rafMs.p95),
        pass: clicksReactbar.rafMs.p95 <= 16,
      },
      { target: 'tab-to-tab p95 ≤ 100 ms', value: ms(tabToTabMs.p95), pass: tabToTabMs.p95 <= 100 },
    ];

    const perTarget = (value: number) => (Number.isFinite(value) ? `${((value / MESSAGES) * 1000).toFixed(0)} µs` : 'n/a');
    const dash = '—';
    const rows: string[][] = [
      ['Main thread, first batch → all decorated', '', '', '', ''],
      ['  TaskDuration', ms(none.taskMs), ms(naive.taskMs), ms(rb.taskMs), ''],
      ['  added (variant − none)', dash, ms(addedTask.naive), ms(addedTask.reactbar), ''],
      ['  added per target', dash, perTarget(addedTask.naive), perTarget(addedTask.reactbar), '≤ 500 µs'],
      ['  naive ÷ Reactbar', '', '', `${ratio.toFixed(1)}×`, '≥ 10×'],
      ['  ScriptDuration added', dash, ms(addedScript.naive), ms(addedScript.reactbar), ''],
      ['  LayoutDuration added', dash, ms(addedLayout.naive), ms(addedLayout.reactbar), ''],
      ['  RecalcStyleDuration added', dash, ms(addedStyle.naive), ms(addedStyle.reactbar), ''],
      ['  CPU (ThreadTime) added', dash, ms(addedThread.naive), ms(addedThread.reactbar), ''],
      ['  CPU: naive ÷ Reactbar', '', '', `${ratioCpu.toFixed(1)}×`, ''],
      ['  TaskDuration added, incl. 1 s after', dash, ms(addedSettled.naive), ms(addedSettled.reactbar), ''],
      ['Time until all decorated', ms(none.decorateMs, 0), ms(naive.decorateMs, 0), ms(rb.decorateMs, 0), ''],
      ['  longest frame gap', ms(none.maxFrameGapMs), ms(naive.maxFrameGapMs), ms(rb.maxFrameGapMs), ''],
      ['  long tasks (sum)', ms(none.longTaskMs), ms(naive.longTaskMs), ms(rb.longTaskMs), ''],
      ['Stylesheet copies of the bar CSS', String(none.styleCopies), String(naive.styleCopies), String(rb.styleCopies), '1'],
      ['  bar CSS held (characters)', String(none.cssChars), String(naive.cssChars), String(rb.cssChars), ''],
      ['JS heap after GC', mib(none.heapBytes), mib(naive.heapBytes), mib(rb.heapBytes), ''],
      ['  added', dash, mib(addedHeap.naive), mib(addedHeap.reactbar), '≤ 5 MB'],
      [`Click-to-paint, ${SAMPLES} clicks (median / p95)`, '', '', '', ''],
      ['  click → DOM updated', dash, pair(clicksNaive.domMs), pair(clicksReactbar.domMs), ''],
      ['  click → rAF of the frame showing it', dash, pair(clicksNaive.rafMs), pair(clicksReactbar.rafMs), 'p95 ≤ 16 ms'],
      ['  click → end of that frame', dash, pair(clicksNaive.frameEndMs), pair(clicksReactbar.frameEndMs), ''],
      ['  painted in the next frame', dash, pct(clicksNaive.nextFrameShare), pct(clicksReactbar.nextFrameShare), ''],
      [`Tab A click → tab B shows it, ${SAMPLES}`, dash, dash, pair(tabToTabMs), 'p95 ≤ 100 ms'],
      [`API call elsewhere → tab B, ${SAMPLES}`, dash, dash, pair(socketToTabMs), ''],
    ];
    const report = [
      '',
      `Reactbar benchmark: ${MESSAGES} messages in batches of ${BATCH}, one batch per frame; medians of ${REPS} rounds (fresh tab each) after a warm-up`,
      '',
      table(rows, ['', 'no extension', 'naive', 'Reactbar', 'target']),
      '',
      'Targets',
      ...checks.map((check) => `  ${check.pass ? 'PASS' : 'MISS'}  ${check.target}: ${check.value}`),
      '',
      `Chromium ${get('none').browser.context.browser()?.version() ?? '?'}, ${os.cpus().length} CPUs, load average before ${loadAvg().join(' ')}; tab B was ${tabBVisibility}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ];
    if (PROFILE) {
      for (const [name, summary] of Object.entries(profiles)) {
        report.push('', `CPU profile, ${name}: self time by function (top 20) during the load`, summary.text);
      }
    }
    console.log(report.join('\n'));

    await mkdir(path.dirname(OUTPUT), { recursive: true });
    await writeFile(
      OUTPUT,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          setup: {
            messages: MESSAGES,
            batch: BATCH,
            rounds: REPS,
            samples: SAMPLES,
            chromium: get('none').browser.context.browser()?.version() ?? null,
            cpus: os.cpus().length,
            loadAverage: loadAvg(),
            tabBVisibility,
          },
          targets: checks,
          variants: { none, naive, reactbar: rb },
          added: {
            taskMs: addedTask,
            perTargetMs: { naive: addedTask.naive / MESSAGES, reactbar: addedTask.reactbar / MESSAGES },
            scriptMs: addedScript,
            layoutMs: addedLayout,
            recalcStyleMs: addedStyle,
            threadMs: addedThread,
            settledTaskMs: addedSettled,
            heapBytes: addedHeap,
          },
          ratio: { taskDuration: ratio, threadTime: ratioCpu },
          clickToPaint: { naive: clicksNaive, reactbar: clicksReactbar },
          tabToTabMs,
          socketToTabMs,
          samples: {
            clickNaive: naiveClicks,
            clickReactbar: reactbarClicks,
            tabToTabMs: tabLatencies,
            socketToTabMs: socketLatencies,
          },
          profiles: PROFILE ? profiles : undefined,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Written: ${path.relative(PROJECT_ROOT, OUTPUT)}`);
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

function pair(summary: Summary): string {
  return `${summary.median.toFixed(1)} / ${summary.p95.toFixed(1)} ms`;
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
