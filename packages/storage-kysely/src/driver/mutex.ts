/**
 * A tiny FIFO async mutex. `acquire()` returns undefined when the lock was free (the caller
 * holds it without waiting a tick), or a promise that resolves once the caller holds it.
 */
export interface Mutex {
  acquire(): Promise<void> | undefined;
  release(): void;
  readonly locked: boolean;
}

/** Creates a {@link Mutex}. */
export function createMutex(): Mutex {
  let locked = false;
  const waiters: (() => void)[] = [];
  return {
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
    get locked() {
      return locked;
    },
  };
}

/** Runs `work` while holding `mutex`. */
export async function withLock<T>(mutex: Mutex, work: () => Promise<T>): Promise<T> {
  const wait = mutex.acquire();
  if (wait) await wait;
  try {
    return await work();
  } finally {
    mutex.release();
  }
}
