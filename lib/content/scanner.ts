/**
 * Finds reaction targets in a document and gives each one a UI host element, once.
 *
 * One MutationObserver per frame; each batch of mutations costs a `querySelectorAll` per added
 * subtree plus a few operations per new target. Errors in a surface never reach the page.
 */
import { RETRY, type Surface, type TargetInfo, WATCHED_ATTRIBUTES } from './surface';

/** Tag of the element that holds the extension's UI for one target. */
export const HOST_TAG = 'reactbar-host';

export interface FoundTarget extends TargetInfo {
  /** LinkedIn's element for the post, comment or message. */
  element: Element;
  /** Our element, carrying `data-reactbar-kind` and `data-reactbar-urn`. */
  host: HTMLElement;
}

export interface ScannerEvents {
  /**
   * A new target's host, before it is placed in the page: attributes written here cost no
   * style invalidation (written after, each may restyle LinkedIn's nodes around it).
   */
  prepareHost?(host: HTMLElement, info: TargetInfo): void;
  added(target: FoundTarget): void;
  /** The target left the page, or now stands for another URN (then `added` follows). */
  removed(target: FoundTarget): void;
}

export interface Scanner {
  stop(): void;
  targets(): ReadonlySet<FoundTarget>;
  /** The target whose element holds `node`, if any (e.g. the message under the pointer). */
  targetContaining(node: Node | null): FoundTarget | undefined;
}

// LinkedIn's React may drop our host while re-rendering a node; put it back a few times only,
// so that a node that keeps rejecting it cannot start a loop with us.
const MAX_HOST_RESTORES = 3;
const SWEEP_DELAY_MS = 500;

export function startScanner(
  doc: Document,
  surfaces: readonly Surface[],
  events: ScannerEvents,
): Scanner {
  const combinedSelector = surfaces.map((surface) => surface.selector).join(', ');
  const byElement = new WeakMap<Element, FoundTarget>();
  const live = new Set<FoundTarget>();
  const targetByHost = new WeakMap<Element, FoundTarget>();
  const restores = new WeakMap<FoundTarget, number>();
  /** Candidates that may become targets later, with the surface that said so. */
  const pending = new Map<Element, Surface>();
  /** Surfaces that render one target in several nodes: which node has the UI. */
  const firstNodeByUrn = new Map<string, FoundTarget>();
  let lastHref = doc.location?.href ?? '';
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;

  function consider(candidate: Element): void {
    if (byElement.has(candidate)) return;
    for (const surface of surfaces) {
      if (!candidate.matches(surface.selector)) continue;
      const info = guard(() => surface.read(candidate), null);
      if (info === RETRY) {
        pending.set(candidate, surface);
        return;
      }
      if (!info) continue;
      if (surface.oneNodePerUrn) {
        const first = firstNodeByUrn.get(urnKey(info));
        if (first?.element.isConnected && first.element !== candidate) {
          pending.set(candidate, surface); // Takes over if the first node goes away.
          return;
        }
      }
      pending.delete(candidate);
      attach(candidate, surface, info);
      return;
    }
    pending.delete(candidate);
  }

  function attach(element: Element, surface: Surface, info: TargetInfo): void {
    const host = doc.createElement(HOST_TAG);
    // A block of no height, as its bar's stylesheet makes it later: an (unknown, so inline) host
    // among LinkedIn's blocks would get an anonymous box and a line box of its own, which every
    // frame's layout and paint then walk, for every target on the page.
    host.style.display = 'block';
    host.setAttribute('data-reactbar-kind', info.kind);
    host.setAttribute('data-reactbar-urn', info.urn);
    if (info.conversationUrn) host.setAttribute('data-reactbar-conversation', info.conversationUrn);
    if (info.postUrn) host.setAttribute('data-reactbar-post', info.postUrn);
    const prepared = guard(() => {
      events.prepareHost?.(host, info);
      return true;
    }, false);
    if (!prepared) return;
    const placed = guard(() => {
      surface.placeHost(element, host);
      return true;
    }, false);
    if (!placed) return;
    const target: FoundTarget = { ...info, element, host };
    byElement.set(element, target);
    targetByHost.set(host, target);
    live.add(target);
    if (surface.oneNodePerUrn) firstNodeByUrn.set(urnKey(info), target);
    guard(() => events.added(target), undefined);
  }

  function detach(target: FoundTarget): void {
    live.delete(target);
    byElement.delete(target.element);
    if (firstNodeByUrn.get(urnKey(target)) === target) firstNodeByUrn.delete(urnKey(target));
    target.host.remove();
    guard(() => events.removed(target), undefined);
  }

  function scanSubtree(root: Element): void {
    if (root.localName === HOST_TAG) return;
    if (root.matches(combinedSelector)) consider(root);
    for (const candidate of root.querySelectorAll(combinedSelector)) consider(candidate);
  }

  function retry(candidate: Element): void {
    const surface = pending.get(candidate);
    pending.delete(candidate);
    if (surface && candidate.isConnected && candidate.matches(surface.selector))
      consider(candidate);
  }

  /** Everything pending (after navigation or a removal), pruning what left the page. */
  function retryAllPending(): void {
    for (const candidate of [...pending.keys()]) retry(candidate);
  }

  /** Pending candidates that now hold new nodes: a walk up from each added root, whatever
   *  the number pending. */
  function retryPendingAround(addedRoots: readonly Element[]): void {
    const touched = new Set<Element>();
    for (const root of addedRoots) {
      for (let element = root.parentElement; element; element = element.parentElement) {
        if (pending.has(element)) touched.add(element);
      }
    }
    for (const candidate of touched) retry(candidate);
  }

  function reread(target: FoundTarget): void {
    const surface = surfaces.find((candidate) => target.element.matches(candidate.selector));
    const info = surface ? guard(() => surface.read(target.element), null) : null;
    if (
      info !== RETRY &&
      info &&
      urnKey(info) === urnKey(target) &&
      info.conversationUrn === target.conversationUrn
    ) {
      return;
    }
    detach(target);
    consider(target.element);
  }

  function restoreHost(host: Element): void {
    const target = targetByHost.get(host);
    if (!target || !live.has(target) || !target.element.isConnected) return;
    const count = restores.get(target) ?? 0;
    if (count >= MAX_HOST_RESTORES) return;
    restores.set(target, count + 1);
    const surface = surfaces.find((candidate) => target.element.matches(candidate.selector));
    if (surface) guard(() => surface.placeHost(target.element, target.host), undefined);
  }

  function sweep(): void {
    sweepTimer = undefined;
    let detached = false;
    for (const target of live) {
      if (!target.element.isConnected) {
        detach(target);
        detached = true;
      }
    }
    // A node that waited behind another rendering of the same target may take over now.
    if (detached) retryAllPending();
    else
      for (const candidate of [...pending.keys()])
        if (!candidate.isConnected) pending.delete(candidate);
  }

  function onMutations(records: MutationRecord[]): void {
    const addedRoots: Element[] = [];
    let removedSomething = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        const element = record.target as Element;
        const known = byElement.get(element);
        if (known) reread(known);
        else if (element.isConnected) consider(element);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) addedRoots.push(node as Element);
      }
      for (const node of record.removedNodes) {
        removedSomething = true;
        if ((node as Element).localName === HOST_TAG) restoreHost(node as Element);
      }
    }
    for (const root of addedRoots) if (root.isConnected) scanSubtree(root);
    const href = doc.location?.href ?? '';
    const navigated = href !== lastHref;
    lastHref = href;
    if (pending.size > 0 && navigated) retryAllPending();
    else if (pending.size > 0 && addedRoots.length > 0) retryPendingAround(addedRoots);
    if (removedSomething && sweepTimer === undefined)
      sweepTimer = setTimeout(sweep, SWEEP_DELAY_MS);
  }

  const observer = new MutationObserver((records) => guard(() => onMutations(records), undefined));
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  scanSubtree(doc.documentElement);

  return {
    stop() {
      observer.disconnect();
      if (sweepTimer !== undefined) clearTimeout(sweepTimer);
      for (const target of live) detach(target);
      pending.clear();
    },
    targets: () => live,
    targetContaining(node) {
      for (
        let element = node instanceof Element ? node : (node?.parentElement ?? null);
        element;
        element = element.parentElement
      ) {
        const target = byElement.get(element);
        if (target) return target;
      }
      return undefined;
    },
  };
}

function urnKey(info: TargetInfo): string {
  return `${info.kind} ${info.urn}`;
}

/** Runs page-facing code so that an exception is logged, never thrown into the page. */
function guard<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    console.debug('[reactbar] skipped a node it could not read', error);
    return fallback;
  }
}
