/**
 * The naive content script the benchmark compares Reactbar with: the same scanner, surfaces,
 * store and MessageBar, wired the way WXT's docs show a content-script UI. For EVERY message:
 * one `createShadowRootUi` (which fetches the entrypoint's CSS and puts a full `<style>` copy
 * into that shadow root), one `createRoot`, and one hover listener. Clicks toggle locally (no
 * background): only the page-side cost is compared.
 */
import '@/components/reactbar/reactbar.css';
import '@/components/emoji/emoji-picker.css';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MessageBar } from '@/components/reactbar/MessageBar';
import type { BarActions } from '@/lib/content/actions';
import { createContentStore, EMPTY_VIEW, mergeViews, type Slot } from '@/lib/content/frame-store';
import { type FoundTarget, startScanner } from '@/lib/content/scanner';
import { ALL_SURFACES } from '@/lib/kinds/surfaces';
import { DEFAULT_QUICK_SET } from '@/lib/quick-set';

/** Tag of each naive UI's shadow host (inside the scanner's `reactbar-host`). */
const NAIVE_TAG = 'reactbar-naive-bar';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    startNaive(ctx);
  },
});

function startNaive(ctx: ContentScriptContext): void {
  const store = createContentStore(DEFAULT_QUICK_SET);
  // The bars' "ready" state, as with a key: the toolbar of emoji, not the set-up prompt.
  store.setState({ ready: true });
  const actions: BarActions = {
    toggle(event, slot, emoji, react) {
      if (!event.isTrusted) return false;
      const { urn } = slot.target;
      const before = store.getState().views[urn] ?? { urn, ...EMPTY_VIEW };
      const active = react
        ? [...new Set([...before.active, emoji])]
        : before.active.filter((value) => value !== emoji);
      mergeViews(store, [{ urn, active, pending: [] }]);
      return true;
    },
    openPicker(event, slot) {
      if (event.isTrusted) store.setState({ pickerFor: slot.id });
    },
    closePicker() {
      store.setState({ pickerFor: null });
    },
    openAccounts() {},
    dismissNotice() {},
  };
  const uis = new WeakMap<Element, Promise<ShadowRootContentScriptUi<Root> | null>>();
  let nextId = 1;

  async function mountBar(target: FoundTarget): Promise<ShadowRootContentScriptUi<Root> | null> {
    if (!target.conversationUrn) return null;
    const ui = await createShadowRootUi<Root>(ctx, {
      name: NAIVE_TAG,
      position: 'inline',
      anchor: target.host,
      onMount(container, _shadow, shadowHost) {
        const slot: Slot = {
          id: nextId++,
          target: {
            kind: 'message',
            urn: target.urn,
            conversationUrn: target.conversationUrn ?? '',
          },
          host: shadowHost,
        };
        const root = createRoot(container);
        root.render(<MessageBar slot={slot} store={store} actions={actions} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    if (!target.element.isConnected) return null;
    ui.mount();
    // The obvious hover: one pair of listeners per message.
    target.element.addEventListener('mouseenter', () =>
      ui.shadowHost.setAttribute('data-hover', ''),
    );
    target.element.addEventListener('mouseleave', () =>
      ui.shadowHost.removeAttribute('data-hover'),
    );
    return ui;
  }

  const scanner = startScanner(document, ALL_SURFACES, {
    added(target) {
      if (target.kind !== 'message') return;
      uis.set(
        target.host,
        mountBar(target).catch(() => null),
      );
    },
    removed(target) {
      void uis.get(target.host)?.then((ui) => ui?.remove());
    },
  });
  ctx.onInvalidated(() => scanner.stop());
}
