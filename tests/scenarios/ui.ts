/**
 * Finding things in a page as a person does (by role and name, by label, by text), waiting for
 * them, and real pointer and keyboard input on them, for any ExtensionDriver. The page-side code
 * is plain JavaScript in a string, evaluated by the driver, so it runs the same in every browser
 * and no test transpiler touches it. It looks through open shadow roots (the bars live in them).
 */
import type { Tab } from '../support/driver';

/** What to find. All given fields must match; the first visible match wins. */
export interface Query {
  /** Only inside the bar of this target (`reactbar-host[data-reactbar-urn]`). */
  host?: string;
  /** The element that holds this target's bar (a comment, a post), itself. */
  holderOf?: string;
  /** Only inside the region (section) with this accessible name. */
  region?: string;
  /** A CSS selector. */
  css?: string;
  role?: 'button' | 'tab' | 'heading' | 'status' | 'toolbar' | 'link' | 'listitem' | 'textbox';
  /** The accessible name, exactly. */
  name?: string;
  /** The form control labelled so (a <label for>, a wrapping <label>, or aria-label). */
  label?: string;
  /** The element's text contains this. */
  text?: string;
}

/** What a found element looks like from outside. */
export interface Found {
  text: string;
  /** A form control's current value. */
  value?: string;
  attributes: Record<string, string>;
  focused: boolean;
  /** Its centre in the viewport, after scrolling it into view when asked. */
  x: number;
  y: number;
  /** Its top left corner in the viewport. */
  left: number;
  top: number;
}

const FIND = String.raw`(query, scroll) => {
  const roots = [];
  const walk = (root) => {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
  };
  const text = (element) => (element.textContent || '').replace(/\s+/g, ' ').trim();
  const nameOf = (element) => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const by = element.getAttribute('aria-labelledby');
    if (by) {
      const root = element.getRootNode();
      return by.split(/\s+/).map((id) => root.getElementById?.(id) || document.getElementById(id))
        .filter(Boolean).map(text).join(' ');
    }
    return text(element);
  };
  const ROLES = {
    button: 'button, [role="button"]',
    tab: '[role="tab"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    status: '[role="status"], output',
    toolbar: '[role="toolbar"]',
    link: 'a[href], [role="link"]',
    listitem: 'li, [role="listitem"]',
    textbox: 'input:not([type]), input[type="text"], input[type="password"], input[type="url"], textarea',
  };
  const visible = (element) => element.getClientRects().length > 0;
  if (query.holderOf) {
    const host = document.querySelector('reactbar-host[data-reactbar-urn="' + CSS.escape(query.holderOf) + '"]');
    const holder = host && host.parentElement;
    if (!holder) return null;
    if (scroll) holder.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = holder.getBoundingClientRect();
    return { text: text(holder), attributes: {}, focused: false, visible: visible(holder),
      x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, left: rect.left, top: rect.top };
  }
  let scopes = [document];
  if (query.host) {
    const host = document.querySelector('reactbar-host[data-reactbar-urn="' + CSS.escape(query.host) + '"]');
    if (!host) return null;
    scopes = [host];
  }
  for (const scope of scopes) walk(scope);
  if (query.host) {
    const host = scopes[0];
    if (host.shadowRoot && !roots.includes(host.shadowRoot)) walk(host.shadowRoot);
  }
  let candidates = roots.flatMap((root) => [...root.querySelectorAll(query.css || '*')]);
  if (query.region) {
    const region = roots.flatMap((root) => [...root.querySelectorAll('section, [role="region"]')])
      .find((element) => nameOf(element) === query.region);
    if (!region) return null;
    candidates = candidates.filter((element) => region.contains(element));
  }
  if (query.role) candidates = candidates.filter((element) => element.matches(ROLES[query.role]));
  if (query.name !== undefined) candidates = candidates.filter((element) => nameOf(element) === query.name);
  if (query.text !== undefined) candidates = candidates.filter((element) => text(element).includes(query.text));
  if (query.label !== undefined) {
    candidates = candidates.filter((element) => {
      if (!element.matches('input, textarea, select')) return false;
      if (element.getAttribute('aria-label') === query.label) return true;
      return [...(element.labels || [])].some((label) => text(label) === query.label);
    });
  }
  const element = candidates.find(visible) || candidates[0];
  if (!element) return null;
  if (scroll) element.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = element.getBoundingClientRect();
  const attributes = {};
  for (const attribute of element.attributes) attributes[attribute.name] = attribute.value;
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return {
    text: text(element),
    value: 'value' in element ? String(element.value) : undefined,
    attributes,
    focused: active === element,
    visible: visible(element),
    x: rect.left + rect.width / 2,
    y: rect.top + rect.height / 2,
    left: rect.left,
    top: rect.top,
  };
}`;

const COUNT = `(query) => {
  const roots = [];
  const walk = (root) => {
    roots.push(root);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) walk(element.shadowRoot);
  };
  walk(document);
  return roots.reduce((sum, root) => sum + root.querySelectorAll(query.css).length, 0);
}`;

interface PageFound extends Found {
  visible: boolean;
}

export async function find(tab: Tab, query: Query, scroll = false): Promise<PageFound | null> {
  return tab.evaluate<PageFound | null>(`(${FIND})(${JSON.stringify(query)}, ${scroll})`);
}

/** How many elements match a CSS selector, shadow roots included. */
export async function count(tab: Tab, css: string): Promise<number> {
  return tab.evaluate<number>(`(${COUNT})(${JSON.stringify({ css })})`);
}

const POLL_MS = 50;

/**
 * Waits until `check` returns a value other than undefined, polling (the condition, never a
 * fixed time); throws with `what` and the last value seen when `timeout` passes.
 */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last ? ` (last: ${String(last)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function describe(query: Query): string {
  return JSON.stringify(query);
}

/** Waits for a visible element matching `query` (and `test`, when given). */
export async function waitFor(
  tab: Tab,
  query: Query,
  test: (found: Found) => boolean = () => true,
  timeout?: number,
): Promise<Found> {
  return until(
    describe(query),
    async () => {
      const found = await find(tab, query);
      return found?.visible && test(found) ? found : undefined;
    },
    timeout,
  );
}

/** Waits for an element matching `query` to be in the page, shown or not. */
export async function waitForAttached(tab: Tab, query: Query, timeout?: number): Promise<Found> {
  return until(describe(query), async () => (await find(tab, query)) ?? undefined, timeout);
}

/** Waits until no element matches `query`. */
export async function waitForGone(tab: Tab, query: Query, timeout?: number): Promise<void> {
  await until(
    `no ${describe(query)}`,
    async () => ((await find(tab, query)) ? undefined : true),
    timeout,
  );
}

/** Scrolls the element into view and returns its centre once it is visible. */
async function locate(tab: Tab, query: Query): Promise<Found> {
  await waitFor(tab, query);
  return until(describe(query), async () => {
    const found = await find(tab, query, true);
    return found?.visible ? found : undefined;
  });
}

/** A real pointer click on the element's centre. */
export async function click(tab: Tab, query: Query): Promise<void> {
  const { x, y } = await locate(tab, query);
  await tab.click(x, y);
}

/** Moves the real pointer onto the element: its centre, or `offset` from its top left corner. */
export async function hover(
  tab: Tab,
  query: Query,
  offset?: { x: number; y: number },
): Promise<void> {
  const found = await locate(tab, query);
  if (offset) await tab.hover(found.left + offset.x, found.top + offset.y);
  else await tab.hover(found.x, found.y);
}

/**
 * Clicks into a field, selects what it holds and types `value` over it, key by key. A form that
 * fills in its saved values once they arrive can overwrite what was typed before (a person would
 * see it and type again): the helper checks the field holds `value` and types again if not.
 */
export async function fill(tab: Tab, query: Query, value: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await click(tab, query);
    const focused = await find(tab, query);
    if (!focused?.focused) {
      // The click landed elsewhere (the page moved under it): try again.
      if (attempt < 3) continue;
      throw new Error(`${describe(query)} did not take the focus`);
    }
    await tab.evaluate(`(() => {
      let active = document.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      active.select();
    })()`);
    await tab.type(value);
    const held = await until(`${describe(query)} to settle`, async () => {
      const found = await find(tab, query);
      return found ? found.value : undefined;
    });
    if (held === value) return;
    if (attempt >= 3) throw new Error(`${describe(query)} holds "${held}", not "${value}"`);
  }
}
