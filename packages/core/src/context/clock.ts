/** Where Sellkit reads the time. Inject one to make time-dependent behaviour testable. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; exported for tests from `@sellkit/core/testing` too. */
export interface TestClock extends Clock {
  set(time: Date | string): void;
  advance(milliseconds: number): Date;
}

/**
 * Creates a {@link TestClock} starting at `start`.
 *
 * @example
 * ```ts
 * const clock = createTestClock('2026-01-01T09:00:00Z');
 * clock.advance(3 * 86_400_000); // three days later
 * ```
 */
export function createTestClock(start: Date | string = '2026-01-01T00:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set(time) {
      current = new Date(time).getTime();
    },
    advance(milliseconds) {
      current += milliseconds;
      return new Date(current);
    },
  };
}
