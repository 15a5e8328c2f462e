/**
 * A first-come, first-served async lock. `acquire()` returns undefined when the lock was free
 * (the caller holds it without waiting a tick), or a promise that resolves once the caller
 * holds it; `release()` hands it straight to the next waiter. `lock()` is the same with a
 * release function that may be called more than once.
 */
export interface Mutex {
  acquire(): Promise<void> | undefined;
  release(): void;
  /** Resolves with a release function once the lock is held. */
  lock(): Promise<() => void>;
  readonly locked: boolean;
}

/**
 * Creates a {@link Mutex}.
 *
 * @example
 * ```ts
 * const mutex = createMutex();
 * const release = await mutex.lock();
 * try {
 *   // ... the one writer at a time
 * } finally {
 *   release();
 * }
 * ```
 */
export function createMutex(): Mutex {
  let locked = false;
  const waiters: (() => void)[] = [];
  const mutex: Mutex = {
    acquire() {
      if (!locked) {
        locked = true;
        return undefined;
      }
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    release() {
      const next = waiters.shift();
      // The lock passes straight to the next waiter, so nobody can slip in between.
      if (next) next();
      else locked = false;
    },
    async lock() {
      const wait = mutex.acquire();
      if (wait) await wait;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        mutex.release();
      };
    },
    get locked() {
      return locked;
    },
  };
  return mutex;
}

/**
 * Runs `work` while holding `mutex`.
 *
 * @example
 * ```ts
 * const mutex = createMutex();
 * const answer = await withLock(mutex, async () => 42);
 * ```
 */
export async function withLock<T>(mutex: Mutex, work: () => Promise<T>): Promise<T> {
  const wait = mutex.acquire();
  if (wait) await wait;
  try {
    return await work();
  } finally {
    mutex.release();
  }
}
