import { describe, expect, it } from 'vitest';
import { createPacer } from '@/lib/background/pacing';

describe('createPacer', () => {
  it('allows a burst up to the capacity, then one per refill, per tab', () => {
    let time = 0;
    const pacer = createPacer(3, 1, () => time);
    expect([pacer.allow(1), pacer.allow(1), pacer.allow(1), pacer.allow(1)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(pacer.allow(2)).toBe(true); // another tab has its own budget
    time += 999;
    expect(pacer.allow(1)).toBe(false);
    time += 1;
    expect(pacer.allow(1)).toBe(true);
    expect(pacer.allow(1)).toBe(false);
    time += 60_000;
    expect([pacer.allow(1), pacer.allow(1), pacer.allow(1), pacer.allow(1)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
