/**
 * Posts and comments benchmark (`npm run bench:posts`, and the second half of `npm run bench`):
 * a feed receiving 1,000 posts (generations A and B alternating) and a post page receiving 1,000
 * comments (A and B alternating), 10 per animation frame, in the same run as no extension and
 * the naive pattern (tests/bench/naive: one shadow root, CSS copy and React root per target).
 *
 * Figures per page: main-thread time added per target (CDP TaskDuration and ThreadTime, minus
 * the no-extension run of the same round), stylesheet copies, JS heap added, time until every
 * target is decorated, and click-to-paint on a post's row against LinkedIn's own Like button of
 * the same posts (the page's code toggles it). Reactbar runs without a LinkedIn connection (that
 * connection is not on main yet): its rows are quiet and a click paints the "Connect LinkedIn"
 * note, the answer a click gets then; the naive rows toggle their highlight.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { fixturePath } from '../fixtures/routes';
import { EXTENSION_DIR, launchBrowser, PROJECT_ROOT } from '../support/browser';
import { type CpuProfile, summarizeProfile } from './profile';
import { percentile } from './stats';

const TARGETS = 1000;
const BATCH = 10;
const REPS = Math.max(1, Number(process.env.BENCH_POSTS_REPS ?? 2) || 2);
const CLICKS = Math.max(0, Number(process.env.BENCH_POSTS_CLICKS ?? 30) || 0);
/** `feed`, `post` or both (the default): which pages to load. */
const PAGES = (process.env.BENCH_POSTS_PAGES ?? 'feed,post').split(',');
/** Set: one extra profiled load of each page with Reactbar, its hot functions printed. */
const PROFILE = process.env.BENCH_POSTS_PROFILE === '1';
/**
 * Set: one extra traced load of each page without an extension and with Reactbar: the renderer
 * main thread's time by trace event (style, layout, script, GC, …), the two side by side.
 */
const TRACE = process.env.BENCH_POSTS_TRACE === '1';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** Milliseconds by event name on the renderer main threads (nested events counted in each). */
async function traced(cdp: CDPSession, run: () => Promise<unknown>): Promise<Map<string, number>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  const main = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name')
      .filter((event) => event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byName = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined || !main.has(`${event.pid}:${event.tid}`))
      continue;
    byName.set(event.name, (byName.get(event.name) ?? 0) + event.dur / 1000);
  }
  return byName;
}
const NAIVE_DIR = path.join(PROJECT_ROOT, 'tests', 'bench', 'naive', '.output', 'chrome-mv3');
const FEED_URL = 'https://www.linkedin.com/feed/bench/';
const POST_URL = 'https://www.linkedin.com/feed/update/urn:li:activity:7499999999999999999/';

type VariantName = 'none' | 'naive' | 'reactbar';
const VARIANTS: { name: VariantName; label: string; dir: string | null; hostTag: string | null }[] =
  [
    { name: 'none', label: 'no extension', dir: null, hostTag: null },
    { name: 'naive', label: 'naive', dir: NAIVE_DIR, hostTag: 'reactbar-naive-bar' },
    { name: 'reactbar', label: 'Reactbar', dir: EXTENSION_DIR, hostTag: 'reactbar-host' },
  ];

// ---------------------------------------------------------------------------------------------
// Markup: one real post (or comment) of each generation from the fixtures, copied with new URNs.

/** The element starting at `start` (an opening tag), up to its matching closing tag. */
function elementAt(html: string, start: number): string {
  const tag = /^<(\w+)/.exec(html.slice(start))?.[1];
  if (!tag) throw new Error('bench: no element there');
  const tags = new RegExp(`<\\/?${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, match.index + match[0].length);
  }
  throw new Error('bench: unbalanced markup');
}

function enclosing(html: string, marker: string, opening: string): string {
  const at = html.indexOf(marker);
  if (at < 0) throw new Error(`bench: ${marker} not found`);
  return elementAt(html, html.lastIndexOf(opening, at));
}

async function templates() {
  const feed = await readFile(fixturePath('feed'), 'utf8');
  const post = await readFile(fixturePath('post'), 'utf8');
  return {
    postA: enclosing(
      feed,
      'data-urn="urn:li:activity:7402115930461724672"',
      '<div data-finite-scroll-hotkey-item',
    ),
    postB: enclosing(feed, 'expandedXOTnZR_GDRecz9JPt5cSLnFeedType', '<div data-lazy-mount-id'),
    commentA: enclosing(
      post,
      'data-id="urn:li:comment:(urn:li:activity:7402140017720651776,7402143012765716480)"',
      '<article',
    ),
    commentB: enclosing(
      post,
      'componentkey="replaceableComment_urn:li:comment:(ugcPost:7402133870268698624,7402137655040847872)"',
      '<div componentkey="replaceableComment_',
    ),
    head: feed.slice(0, feed.indexOf('<body')),
  };
}

interface Item {
  urn: string;
  html: string;
  /** Where it goes: the gen-A list or the gen-B container. */
  into: 'a' | 'b';
}

function buildPosts(t: Awaited<ReturnType<typeof templates>>): Item[] {
  const items: Item[] = [];
  for (let index = 0; index < TARGETS; index++) {
    const id = String(7403000000000000000n + BigInt(index) * 4096n);
    if (index % 2 === 0) {
      items.push({
        urn: `urn:li:activity:${id}`,
        into: 'a',
        html: t.postA.replaceAll('7402115930461724672', id),
      });
    } else {
      items.push({
        urn: `urn:li:activity:${id}`,
        into: 'b',
        html: t.postB
          .replaceAll('7402128840027357184', id)
          .replaceAll('XOTnZR_GDRecz9JPt5cSLn', `bench${index}x`),
      });
    }
  }
  return items;
}

function buildComments(t: Awaited<ReturnType<typeof templates>>): Item[] {
  const items: Item[] = [];
  for (let index = 0; index < TARGETS; index++) {
    const id = String(7404000000000000000n + BigInt(index) * 4096n);
    if (index % 2 === 0) {
      items.push({
        urn: `urn:li:comment:(urn:li:activity:7499999999999999999,${id})`,
        into: 'a',
        html: t.commentA
          .replaceAll('7402140017720651776', '7499999999999999999')
          .replaceAll('7402143012765716480', id),
      });
    } else {
      items.push({
        urn: `urn:li:comment:(urn:li:ugcPost:7499999999999999998,${id})`,
        into: 'b',
        html: t.commentB
          .replaceAll('7402133870268698624', '7499999999999999998')
          .replaceAll('7402137655040847872', id),
      });
    }
  }
  return items;
}

function pageHtml(head: string, kind: 'feed' | 'post'): string {
  // The post page: a gen-A card whose comment list grows, and a gen-B comment column.
  const containers =
    kind === 'feed'
      ? `<div class="scaffold-finite-scroll__content" id="bench-a"></div>
         <main id="workspace"><div data-testid="mainFeed" id="bench-b"></div></main>`
      : `<div class="feed-shared-update-v2 artdeco-card" role="article" data-urn="urn:li:activity:7499999999999999999">
           <div class="comments-comment-list__container" id="bench-a"></div></div>
         <main id="workspace"><div id="bench-b"></div></main>`;
  return `${head}<body><div class="scaffold-layout__row"><aside></aside><main style="min-width:0">${containers}</main><aside></aside></div>
<script>var __name = function (fn) { return fn; };
(${harness.toString()})()</script></body></html>`;
}

// ---------------------------------------------------------------------------------------------
// The page-side harness (self-contained: its source is what the page runs).

interface RunResult {
  start: number;
  done: number;
  decorated: number;
  timedOut: boolean;
}

interface BenchWindow {
  __bench: {
    load(next: { a: string; b: string }[]): void;
    run(hostTag: string | null, expected: number, timeoutMs: number): Promise<RunResult>;
    styleCopies(): number;
    armClick(urn: string, native: boolean): Promise<{ rafMs: number }>;
  };
}

function harness(): void {
  let batches: { a: string; b: string }[] = [];
  const append = (into: string, html: string) => {
    if (!html) return;
    const template = document.createElement('template');
    template.innerHTML = html;
    document.getElementById(into)?.append(template.content);
  };
  const decorated = (host: Element) =>
    host.hasAttribute('tabindex') || host.shadowRoot?.querySelector('.rb-anchor') != null;
  // LinkedIn's own Like button: its code toggles it on a click.
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.(
      'button.react-button__trigger, button[aria-label^="Reaction button state:"]',
    );
    if (!button) return;
    const pressed = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(pressed));
    button.classList.toggle('react-button--active', pressed);
  });
  (window as unknown as BenchWindow).__bench = {
    load(next: { a: string; b: string }[]) {
      batches = next;
    },
    run(hostTag: string | null, expected: number, timeoutMs: number): Promise<RunResult> {
      return new Promise((resolve) => {
        let added = 0;
        let start = -1;
        const hosts = hostTag ? document.getElementsByTagName(hostTag) : null;
        const seen = new Set<Element>();
        let count = 0;
        const frame = () => {
          if (start < 0) start = performance.now();
          const batch = batches[added];
          if (batch) {
            append('bench-a', batch.a);
            append('bench-b', batch.b);
            added++;
          }
          if (hosts) {
            for (const host of hosts) {
              if (seen.has(host) || !decorated(host)) continue;
              seen.add(host);
              count++;
            }
          }
          const finished = hosts ? count >= expected : added >= batches.length;
          if (finished || performance.now() - start > timeoutMs) {
            const done = performance.now();
            requestAnimationFrame(() =>
              setTimeout(() => resolve({ start, done, decorated: count, timedOut: !finished }), 0),
            );
            return;
          }
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
    styleCopies(): number {
      const sheets = new Set<CSSStyleSheet>();
      let styles = 0;
      const visit = (root: Document | ShadowRoot) => {
        for (const sheet of root.adoptedStyleSheets) {
          try {
            if ([...sheet.cssRules].some((rule) => rule.cssText.includes('.rb-anchor')))
              sheets.add(sheet);
          } catch {}
        }
        for (const style of root.querySelectorAll('style'))
          if (style.textContent?.includes('.rb-anchor')) styles++;
      };
      visit(document);
      for (const host of document.querySelectorAll('reactbar-host, reactbar-naive-bar'))
        if (host.shadowRoot) visit(host.shadowRoot);
      return sheets.size + styles;
    },
    /** Times a click on `selector` (in the post's host shadow root, or the page) to the frame showing `done`. */
    armClick(urn: string, native: boolean): Promise<{ rafMs: number }> {
      const host = document.querySelector(`reactbar-host[data-reactbar-urn="${CSS.escape(urn)}"]`);
      const root: ParentNode | null = native
        ? document.querySelector(`[data-urn="${CSS.escape(urn)}"]`)
        : (host?.shadowRoot ?? host?.querySelector('reactbar-naive-bar')?.shadowRoot ?? null);
      return new Promise((resolve) => {
        let clickTs = -1;
        const onClick = (event: Event) => {
          clickTs = event.timeStamp;
          window.removeEventListener('click', onClick, true);
        };
        window.addEventListener('click', onClick, true);
        const observer = new MutationObserver(() => {
          if (clickTs < 0) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ rafMs: performance.now() - clickTs }));
        });
        if (root)
          observer.observe(root as Node, { subtree: true, childList: true, attributes: true });
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Runner

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

interface LoadFigures {
  taskMs: number;
  threadMs: number;
  heapMb: number;
  decorateMs: number;
  styleCopies: number;
  decorated: number;
}

async function loadRun(
  context: BrowserContext,
  url: string,
  items: Item[],
  hostTag: string | null,
  profile?: (profile: CpuProfile) => void,
  trace?: (byName: Map<string, number>) => void,
): Promise<LoadFigures> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await sleep(1000);
  const batches: { a: string; b: string }[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const slice = items.slice(start, start + BATCH);
    batches.push({
      a: slice
        .filter((item) => item.into === 'a')
        .map((item) => item.html)
        .join(''),
      b: slice
        .filter((item) => item.into === 'b')
        .map((item) => item.html)
        .join(''),
    });
  }
  await page.evaluate((next) => (window as unknown as BenchWindow).__bench.load(next), batches);
  await cdp.send('HeapProfiler.collectGarbage');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const before = await metrics(cdp);
  const go = () =>
    page.evaluate(
      ([tag, expected]) => (window as unknown as BenchWindow).__bench.run(tag, expected, 60_000),
      [hostTag, items.length] as const,
    );
  let result: RunResult | undefined;
  if (trace)
    trace(
      await traced(cdp, async () => {
        result = await go();
      }),
    );
  else result = await go();
  if (!result) throw new Error('bench: no result');
  const after = await metrics(cdp);
  if (profile) profile((await cdp.send('Profiler.stop')).profile as CpuProfile);
  if (result.timedOut) throw new Error(`decorated ${result.decorated} of ${items.length}`);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await metrics(cdp);
  const styleCopies: number = await page.evaluate(() =>
    (window as unknown as BenchWindow).__bench.styleCopies(),
  );
  await page.close();
  return {
    taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    threadMs: ((after.ThreadTime ?? 0) - (before.ThreadTime ?? 0)) * 1000,
    heapMb: (heap.JSHeapUsedSize ?? 0) / 2 ** 20,
    decorateMs: result.done - result.start,
    styleCopies,
    decorated: result.decorated,
  };
}

/** Click-to-paint on posts' rows ("React Like", the first button), or LinkedIn's own Like. */
async function clicks(
  context: BrowserContext,
  items: Item[],
  variant: VariantName,
): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(FEED_URL, { waitUntil: 'load' });
  const batches = [
    {
      a: items
        .filter((item) => item.into === 'a')
        .slice(0, CLICKS)
        .map((item) => item.html)
        .join(''),
      b: '',
    },
  ];
  await page.evaluate((next) => (window as unknown as BenchWindow).__bench.load(next), batches);
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.run(null, 0, 10_000));
  const samples: number[] = [];
  for (const item of items.filter((candidate) => candidate.into === 'a').slice(0, CLICKS)) {
    const card = page.locator(`[data-urn="${item.urn}"]`);
    await card.scrollIntoViewIfNeeded();
    const button =
      variant === 'none'
        ? card.locator('button.react-button__trigger')
        : card
            .locator(variant === 'naive' ? 'reactbar-naive-bar' : 'reactbar-host')
            .getByRole('button', { name: /^React Like$/ });
    await button.waitFor({ timeout: 10_000 });
    await sleep(120);
    const timing = page.evaluate(
      ([urn, native]) => (window as unknown as BenchWindow).__bench.armClick(urn, native),
      [item.urn, variant === 'none'] as const,
    );
    const box = await button.boundingBox();
    if (!box) throw new Error('bench: button not shown');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await sleep(80);
    await page.mouse.up();
    samples.push((await timing).rafMs);
  }
  await page.close();
  return samples;
}

const median = (values: number[]) => percentile(values, 50);

async function main(): Promise<void> {
  const t = await templates();
  const pages = {
    feed: { url: FEED_URL, html: pageHtml(t.head, 'feed'), items: buildPosts(t) },
    post: { url: POST_URL, html: pageHtml(t.head, 'post'), items: buildComments(t) },
  };
  const cleanups: (() => Promise<void>)[] = [];
  const results: Record<string, Record<VariantName, LoadFigures[]>> = {
    feed: { none: [], naive: [], reactbar: [] },
    post: { none: [], naive: [], reactbar: [] },
  };
  const clickSamples: Partial<Record<VariantName, number[]>> = {};
  try {
    const contexts = new Map<VariantName, BrowserContext>();
    for (const variant of VARIANTS) {
      const userDataDir = await mkdtemp(
        path.join(os.tmpdir(), `reactbar-bench-posts-${variant.name}-`),
      );
      cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
      const { context } = await launchBrowser({ extensionDir: variant.dir, userDataDir });
      cleanups.push(() => context.close());
      await context.route('https://www.linkedin.com/**', (route) => {
        const url = route.request().url();
        const page = url.startsWith(POST_URL) ? pages.post : pages.feed;
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: page.html,
        });
      });
      contexts.set(variant.name, context);
    }
    for (let round = 0; round < REPS; round++) {
      for (const [name, page] of Object.entries(pages)) {
        if (!PAGES.includes(name)) continue;
        for (const variant of VARIANTS) {
          const context = contexts.get(variant.name);
          if (!context) continue;
          results[name]?.[variant.name].push(
            await loadRun(context, page.url, page.items, variant.hostTag),
          );
        }
      }
    }
    const reactbar = contexts.get('reactbar');
    if (PROFILE && reactbar) {
      for (const [name, page] of Object.entries(pages)) {
        if (!PAGES.includes(name)) continue;
        await loadRun(reactbar, page.url, page.items, 'reactbar-host', (profile) =>
          console.log(
            `\nProfile, ${name} page with Reactbar:\n${summarizeProfile(profile, 25).text}`,
          ),
        );
      }
    }
    if (TRACE) {
      for (const [name, page] of Object.entries(pages)) {
        if (!PAGES.includes(name)) continue;
        const sums: Partial<Record<VariantName, Map<string, number>>> = {};
        for (const variant of VARIANTS) {
          const context = contexts.get(variant.name);
          if (!context || variant.name === 'naive') continue;
          await loadRun(context, page.url, page.items, variant.hostTag, undefined, (byName) => {
            sums[variant.name] = byName;
          });
        }
        const names = new Set([...(sums.none?.keys() ?? []), ...(sums.reactbar?.keys() ?? [])]);
        const rows = [...names]
          .map((event) => {
            const none = sums.none?.get(event) ?? 0;
            const reactbar = sums.reactbar?.get(event) ?? 0;
            return { event, none, reactbar, added: reactbar - none };
          })
          .filter((row) => row.none > 5 || row.reactbar > 5)
          .sort((a, b) => b.added - a.added);
        console.log(`\nTrace, ${name} page: main-thread ms by event (nested events in each)`);
        for (const row of rows.slice(0, 25)) {
          console.log(
            `${row.event.padEnd(40)} none ${row.none.toFixed(1).padStart(8)}  Reactbar ${row.reactbar.toFixed(1).padStart(8)}  added ${row.added.toFixed(1).padStart(8)}`,
          );
        }
      }
    }
    for (const variant of VARIANTS) {
      const context = contexts.get(variant.name);
      if (context && CLICKS > 0)
        clickSamples[variant.name] = await clicks(context, pages.feed.items, variant.name);
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }

  const lines: string[] = [];
  const fmt = (value: number, digits = 1) => value.toFixed(digits);
  for (const [name, byVariant] of Object.entries(results)) {
    if (!PAGES.includes(name)) continue;
    const none = byVariant.none;
    const added = (variant: VariantName, pick: (run: LoadFigures) => number) =>
      median(byVariant[variant].map((run, index) => pick(run) - pick(none[index] ?? run)));
    lines.push(
      `\n${name === 'feed' ? `Feed receiving ${TARGETS} posts` : `Post page receiving ${TARGETS} comments`} (A and B alternating), ${BATCH} per frame; medians of ${REPS} rounds`,
    );
    lines.push('| Measure | naive | Reactbar | target |', '| --- | --- | --- | --- |');
    for (const [label, pick, target] of [
      [
        'main-thread time added (task), per target',
        (run: LoadFigures) => run.taskMs / TARGETS,
        '≤ 0.15 ms',
      ],
      [
        'main-thread CPU added (thread time), per target',
        (run: LoadFigures) => run.threadMs / TARGETS,
        '',
      ],
      ['JS heap added', (run: LoadFigures) => run.heapMb, '≤ 3 MB'],
    ] as const) {
      lines.push(
        `| ${label} | ${fmt(added('naive', pick), 3)} | ${fmt(added('reactbar', pick), 3)} | ${target} |`,
      );
    }
    lines.push(
      `| stylesheet copies | ${median(byVariant.naive.map((run) => run.styleCopies))} | ${median(byVariant.reactbar.map((run) => run.styleCopies))} | 1 |`,
      `| time until all decorated (page alone: ${fmt(median(none.map((run) => run.decorateMs)), 0)} ms) | ${fmt(median(byVariant.naive.map((run) => run.decorateMs)), 0)} ms | ${fmt(median(byVariant.reactbar.map((run) => run.decorateMs)), 0)} ms | |`,
    );
  }
  const click = (variant: VariantName) => {
    const samples = clickSamples[variant] ?? [];
    return `${fmt(median(samples))} / ${fmt(percentile(samples, 95))} ms`;
  };
  lines.push(
    `\nClick → frame showing it, median / p95 (${CLICKS} posts): LinkedIn's own Like ${click('none')}; naive ${click('naive')}; Reactbar ${click('reactbar')} (without a LinkedIn connection: the "Connect LinkedIn" note)`,
  );
  console.log(lines.join('\n'));
}

const watchdog = setTimeout(() => {
  console.error('bench:posts: timed out');
  process.exit(1);
}, 900_000);
main()
  .then(() => clearTimeout(watchdog))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
