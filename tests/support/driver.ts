/**
 * What the cross-browser scenarios (tests/scenarios/) need of a browser with the extension
 * loaded, and nothing more. Each browser's driver is a small adapter behind this: Chromium
 * through Playwright (tests/support/driver-chromium.ts), Firefox through puppeteer-core over
 * WebDriver BiDi (tests/support/driver-firefox.ts). Everything a scenario reads or finds in a
 * page goes through `evaluate` with a plain JavaScript expression (tests/scenarios/ui.ts builds
 * them), and every click, hover and key press is real input from the driver, so the extension
 * sees trusted events as it does from a person.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface Tab {
  /** Opens a page and resolves once it has loaded. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Evaluates a JavaScript expression in the page (awaiting a promise) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Moves the pointer to a point of the viewport (CSS pixels). */
  hover(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Types into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Presses one key, named as in KeyboardEvent.key ("Enter", "ArrowRight"). */
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionDriver {
  readonly browser: BrowserName;
  /** A new tab, where https://www.linkedin.com/… answers with the fixture pages. */
  newTab(): Promise<Tab>;
  /**
   * Opens one of the extension's pages in a new tab (`options.html`, `popup.html#accounts`)
   * and resolves once its document is complete.
   */
  openExtensionPage(page: string): Promise<Tab>;
  /**
   * Ends the extension's background and lets it start again, as the browser does (Chrome stops
   * an idle service worker; Firefox restarts the background page when the add-on is disabled and
   * enabled, updated, or the browser restarts). Storage survives, in-memory state does not.
   */
  restartBackground(): Promise<void>;
  /** Evaluates an expression in the extension's content script world of a tab's top frame. */
  evaluateInContentScript<T>(tab: Tab, expression: string): Promise<T>;
  close(): Promise<void>;
}
