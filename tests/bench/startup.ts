/**
 * Startup: what opening a LinkedIn page costs with an extension, before anyone uses a bar, and
 * how long the first hover takes to show a bar (Reactbar loads its UI then). Each load is a fresh
 * tab navigated straight to a fixture page, so its renderer process is a new one, as for a person
 * opening LinkedIn: nothing of the content script is compiled or cached there yet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { FIXTURE_URLS } from '../fixtures/routes';

export const STARTUP_PAGES = [
  { name: 'messaging', url: FIXTURE_URLS.messaging, hover: true },
  { name: 'feed', url: FIXTURE_URLS.feed, hover: false },
  // With the same-origin /preload/ iframe: two frames run the content script.
  { name: 'overlay', url: FIXTURE_URLS.overlay, hover: false },
] as const;

export type StartupPageName = (typeof STARTUP_PAGES)[number]['name'];

/** The page's own first message: the one hovered. */
const FIRST_MESSAGE = '[data-event-urn]';

export interface FirstHover {
  /** Pointer over the message → the bar is in the DOM (for Reactbar: its UI was loaded). */
  domMs: number;
  /** Pointer over → rAF of the first frame showing the bar. */
  paintMs: number;
  /** Animation frames from the DOM update to the frame showing it (1: the very next one). */
  framesAfterDom: number;
  /** Script run between the hover and that frame's end (Reactbar: loading the UI). */
  scriptMs: number;
}

export interface StartupRun {
  /** Frames of www.linkedin.com in the page (the content script runs in each). */
  frames: number;
  /** Performance metrics of the loaded page after it settled, in ms. */
  scriptMs: number;
  taskMs: number;
  threadMs: number;
  layoutMs: number;
  styleMs: number;
  firstHover?: FirstHover;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value * 1000]));
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * Opens `url` in a fresh tab; after `settleMs` (the content script starts at document_idle and
 * asks the background for views) reads the page's metrics; then, if asked, hovers its first
 * message and times the bar. `barHost` is the selector, inside the message, of the element whose
 * shadow root shows the bar.
 */
export async function startupRun(
  context: BrowserContext,
  url: string,
  settleMs: number,
  hover: { barHost: string } | null,
): Promise<StartupRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    await sleep(settleMs);
    // The metrics count from the document's start (a navigation starts them again).
    const loaded = await metrics(cdp);
    const frames = page.frames().filter((frame) => frame.url().startsWith(new URL(url).origin));
    const run: StartupRun = {
      frames: frames.length,
      scriptMs: loaded.ScriptDuration ?? Number.NaN,
      taskMs: loaded.TaskDuration ?? Number.NaN,
      threadMs: loaded.ThreadTime ?? Number.NaN,
      layoutMs: loaded.LayoutDuration ?? Number.NaN,
      styleMs: loaded.RecalcStyleDuration ?? Number.NaN,
    };
    if (hover) run.firstHover = await firstHover(page, cdp, hover.barHost);
    return run;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

async function firstHover(page: Page, cdp: CDPSession, barHost: string): Promise<FirstHover> {
  const message = page.locator(FIRST_MESSAGE).first();
  const box = await message.boundingBox();
  if (!box) throw new Error('startup: the first message is not visible');
  // tsx (esbuild, keepNames) wraps named functions in `__name(fn, "name")`: give the page one.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(armFirstHover, { message: FIRST_MESSAGE, barHost, timeoutMs: 5000 });
  const before = await metrics(cdp);
  // Left edge, near the top (as the click samples): a trusted pointer over the message.
  await page.mouse.move(box.x + 20, box.y + Math.min(box.height / 2, 12));
  const timing = await page.evaluate(
    () => (window as unknown as { __firstHover: Promise<HoverTiming> }).__firstHover,
  );
  const after = await metrics(cdp);
  if (!timing.ok) throw new Error('startup: no bar within 5 s of the first hover');
  return {
    domMs: timing.domMs,
    paintMs: timing.paintMs,
    framesAfterDom: timing.framesAfterDom,
    scriptMs: (after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0),
  };
}

interface HoverTiming {
  ok: boolean;
  domMs: number;
  paintMs: number;
  framesAfterDom: number;
}

/**
 * Page-side (runs in the page, so self-contained): from the pointer's arrival over the message,
 * when the bar is in the DOM (an attribute of its host changes in the same task: `data-hover`,
 * or the `tabindex` Reactbar drops when the bar renders) and the first frame showing it.
 */
function armFirstHover(options: { message: string; barHost: string; timeoutMs: number }): void {
  const message = document.querySelector(options.message);
  const host = message?.querySelector(options.barHost);
  const shown = (): boolean =>
    host?.hasAttribute('data-hover') === true && host.shadowRoot?.querySelector('.rb-bar') != null;
  (window as unknown as { __firstHover: Promise<HoverTiming> }).__firstHover = new Promise(
    (resolve) => {
      if (!host) {
        resolve({ ok: false, domMs: -1, paintMs: -1, framesAfterDom: -1 });
        return;
      }
      let overAt = -1;
      let domAt = -1;
      let framesAfterDom = 0;
      const finish = (ok: boolean, paintAt: number) => {
        clearTimeout(timer);
        observer.disconnect();
        resolve({ ok, domMs: domAt - overAt, paintMs: paintAt - overAt, framesAfterDom });
      };
      const observer = new MutationObserver(() => {
        if (domAt < 0 && shown()) domAt = performance.now();
      });
      observer.observe(host, { attributes: true, attributeFilter: ['data-hover', 'tabindex'] });
      const onFrame = () => {
        if (domAt < 0 && shown()) domAt = performance.now();
        if (domAt >= 0) framesAfterDom++;
        if (domAt >= 0 && shown()) {
          const paintAt = performance.now();
          setTimeout(() => finish(true, paintAt), 0);
          return;
        }
        requestAnimationFrame(onFrame);
      };
      window.addEventListener(
        'pointerover',
        (event) => {
          overAt = event.timeStamp;
          requestAnimationFrame(onFrame);
        },
        { capture: true, once: true },
      );
      const timer = setTimeout(() => finish(false, -1), options.timeoutMs);
    },
  );
}

/** Bytes of a file, and gzipped (level 9, as servers and stores compress). */
export function fileSizes(file: string): { bytes: number; gzip: number } {
  const content = readFileSync(file);
  return { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** The content scripts a built extension runs at load, from its manifest. */
export function contentScriptFiles(extensionDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  return (manifest.content_scripts ?? []).flatMap((script) =>
    [...(script.js ?? []), ...(script.css ?? [])].map((file) => path.join(extensionDir, file)),
  );
}
