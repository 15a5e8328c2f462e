import { describe, expect, it } from 'vitest';
import { createTestClock, systemClock } from './clock.js';

describe('createTestClock', () => {
  it('starts at 2026-01-01 by default, or where told', () => {
    expect(createTestClock().now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(createTestClock('2025-06-30T12:00:00Z').now().toISOString()).toBe(
      '2025-06-30T12:00:00.000Z',
    );
    const start = new Date('2024-02-29T23:59:59.999Z');
    expect(createTestClock(start).now().getTime()).toBe(start.getTime());
  });

  it('stands still until moved', () => {
    const clock = createTestClock('2026-03-01T09:00:00Z');
    const first = clock.now();
    const second = clock.now();
    expect(second.getTime()).toBe(first.getTime());
  });

  it('sets an absolute time, forwards or backwards', () => {
    const clock = createTestClock('2026-03-01T09:00:00Z');
    clock.set('2026-12-24T18:30:00Z');
    expect(clock.now().toISOString()).toBe('2026-12-24T18:30:00.000Z');
    clock.set(new Date('2020-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('advances by milliseconds and returns the new time', () => {
    const clock = createTestClock('2026-01-31T10:00:00Z');
    const later = clock.advance(3 * 86_400_000);
    expect(later.toISOString()).toBe('2026-02-03T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-02-03T10:00:00.000Z');
    clock.advance(1);
    expect(clock.now().toISOString()).toBe('2026-02-03T10:00:00.001Z');
    clock.advance(-60_000);
    expect(clock.now().toISOString()).toBe('2026-02-03T09:59:00.001Z');
  });

  it('hands out copies: changing a returned Date does not move the clock', () => {
    const clock = createTestClock('2026-01-01T00:00:00Z');
    const seen = clock.now();
    seen.setUTCFullYear(1999);
    const advanced = clock.advance(1000);
    advanced.setUTCFullYear(1999);
    const start = new Date('2026-05-05T00:00:00Z');
    const other = createTestClock(start);
    start.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z');
    expect(other.now().toISOString()).toBe('2026-05-05T00:00:00.000Z');
  });

  it('keeps separate clocks independent', () => {
    const a = createTestClock('2026-01-01T00:00:00Z');
    const b = createTestClock('2026-01-01T00:00:00Z');
    a.advance(5000);
    expect(b.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('systemClock', () => {
  it('reads the real time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    const after = Date.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
  });
});
