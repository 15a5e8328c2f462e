import mitt, { type Emitter } from 'mitt';

/** An event map: event name → payload type. Modules declare theirs; the kernel merges them. */
export type EventMap = object;

/** A handler for one event. It may be async; its failure never affects the write that caused it. */
export type EventHandler<P> = (payload: P) => void | Promise<void>;

/** Where handler failures go (default: `console.error`). */
export type HandlerErrorReporter = (error: unknown, event: string) => void;

/**
 * A typed event bus on mitt. Sellkit emits only after a transaction commits, so handlers see
 * committed data and never hear of rolled-back work.
 */
export interface EventBus<E extends EventMap> {
  on<K extends keyof E & string>(event: K, handler: EventHandler<E[K]>): () => void;
  off<K extends keyof E & string>(event: K, handler: EventHandler<E[K]>): void;
  /** Listens to every event: `(name, payload)`. */
  onAny(
    handler: (event: keyof E & string, payload: E[keyof E]) => void | Promise<void>,
  ): () => void;
  /** Resolves when every async handler started so far has settled (useful in tests and shutdown). */
  idle(): Promise<void>;
}

/** The emitting side, kept inside the kernel. */
export interface EventDispatcher<E extends EventMap> extends EventBus<E> {
  dispatch(event: string, payload: unknown): void;
}

/**
 * Creates a bus. Handler errors (sync or async) are reported, never thrown to the emitter.
 *
 * @example
 * ```ts
 * interface InvoiceEvents {
 *   'invoice.sent': { invoiceId: string };
 * }
 * const bus = createEventBus<InvoiceEvents>((error, event) => console.error(event, error));
 * const stop = bus.on('invoice.sent', async ({ invoiceId }) => console.log('sent', invoiceId));
 * bus.dispatch('invoice.sent', { invoiceId: 'inv-1' });
 * await bus.idle(); // every handler has run
 * stop();
 * ```
 */
export function createEventBus<E extends EventMap>(
  report: HandlerErrorReporter = (error, event) =>
    console.error(`[sellkit] handler for ${event} failed`, error),
): EventDispatcher<E> {
  const emitter: Emitter<Record<string, unknown>> = mitt();
  const pending = new Set<Promise<void>>();
  const wrappers = new WeakMap<object, (payload: unknown) => void>();

  function guard(event: string, run: () => void | Promise<void>): void {
    try {
      const result = run();
      if (result && typeof result.then === 'function') {
        const settled = result.then(
          () => undefined,
          (error: unknown) => report(error, event),
        );
        pending.add(settled);
        void settled.finally(() => pending.delete(settled));
      }
    } catch (error) {
      report(error, event);
    }
  }

  return {
    on(event, handler) {
      const wrapper = (payload: unknown) => guard(event, () => handler(payload as E[typeof event]));
      wrappers.set(handler, wrapper);
      emitter.on(event, wrapper);
      return () => emitter.off(event, wrapper);
    },
    off(event, handler) {
      const wrapper = wrappers.get(handler);
      if (wrapper) emitter.off(event, wrapper);
    },
    onAny(handler) {
      const wrapper = (event: string | symbol, payload: unknown) =>
        guard(String(event), () =>
          handler(String(event) as keyof E & string, payload as E[keyof E]),
        );
      emitter.on('*', wrapper);
      return () => emitter.off('*', wrapper);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    dispatch(event, payload) {
      emitter.emit(event, payload);
    },
  };
}
