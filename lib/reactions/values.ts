/**
 * The one rule for what a click does to a view, shared by the page (optimistic paint) and the
 * background (the engine's views), so the two can never disagree.
 */
import type { TargetView, ValueModel } from './types';

/** The view after the user sets `value` on (react) or off, before the service has answered. */
export function applyIntent(
  view: TargetView,
  model: ValueModel,
  value: string,
  react: boolean,
): TargetView {
  const active =
    model === 'one'
      ? react
        ? [value]
        : view.active.filter((current) => current !== value)
      : react
        ? [...new Set([...view.active, value])]
        : view.active.filter((current) => current !== value);
  return { urn: view.urn, active, pending: [...new Set([...view.pending, value])] };
}
