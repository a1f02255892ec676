import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from '@/lib/backoff';

describe('backoffCeiling', () => {
  it('doubles from initialMs per attempt and stops at maxMs', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7].map((attempt) =>
      backoffCeiling(attempt, DEFAULT_BACKOFF),
    );
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('stays at maxMs after very many attempts (no Infinity or NaN)', () => {
    expect(backoffCeiling(5000, { initialMs: 1000, maxMs: 60_000 })).toBe(60_000);
  });
});

describe('backoffDelay (full jitter)', () => {
  it('is random() times the ceiling', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0.5)).toBe(500);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.25)).toBe(2000);
    expect(backoffDelay(10, DEFAULT_BACKOFF, () => 0.5)).toBe(30_000);
  });

  it('spans 0 up to (not including) the ceiling', () => {
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0.999_999)).toBe(3999);
  });

  it('uses Math.random by default, within the ceiling', () => {
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelay(1, { initialMs: 100, maxMs: 1000 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(200);
    }
  });
});
