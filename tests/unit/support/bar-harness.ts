/**
 * A React root for one bar component per test (the message bar, the reaction row), with
 * recording stand-ins for the frame's actions. Call at the top of a test file.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, vi } from 'vitest';
import type { BarActions } from '@/lib/content/actions';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

export interface BarHarness {
  container: HTMLElement;
  root: Root;
  actions: { [K in keyof BarActions]: ReturnType<typeof vi.fn> };
  /** The actions as the component takes them. */
  readonly barActions: BarActions;
}

export function barHarness(): BarHarness {
  const harness = {
    get barActions() {
      return harness.actions as unknown as BarActions;
    },
  } as BarHarness;
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    harness.container = document.createElement('div');
    document.body.append(harness.container);
    harness.root = createRoot(harness.container);
    harness.actions = {
      toggle: vi.fn(() => true),
      openPicker: vi.fn(),
      closePicker: vi.fn(),
      openAccounts: vi.fn(),
      dismissNotice: vi.fn(),
    };
  });
  afterEach(() => {
    act(() => harness.root.unmount());
    harness.container.remove();
  });
  return harness;
}
