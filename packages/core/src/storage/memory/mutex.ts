/** A first-come, first-served async lock. */
export interface Mutex {
  /** Resolves with a release function once the lock is held. */
  lock(): Promise<() => void>;
}

export function createMutex(): Mutex {
  let tail: Promise<void> = Promise.resolve();
  return {
    lock() {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const previous = tail;
      tail = previous.then(() => held);
      return previous.then(() => {
        let released = false;
        return () => {
          if (released) return;
          released = true;
          release();
        };
      });
    },
  };
}
