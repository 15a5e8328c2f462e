import mitt, { type Emitter } from 'mitt';

/** An event map: event name → payload type. Modules declare theirs; the kernel merges them. */
export type EventMap = object;

/**
 * Where an event came from: the tenant and actor of the scope that emitted it, and when it was
 * committed. Every handler receives it as its second argument, so a host serving many tenants
 * knows which tenant to act in (`crm.as({ tenantId: meta.tenantId, ... })`).
 */
export interface EventMeta {
  readonly tenantId: string;
  /** The actor of the scope that emitted the event. */
  readonly actorId: string;
  /** The scope clock's time when the emitting transaction committed. */
  readonly at: Date;
}

/** A handler for one event. It may be async; its failure never affects the write that caused it. */
export type EventHandler<P> = (payload: P, meta: EventMeta) => void | Promise<void>;

interface Delivery {
  readonly payload: unknown;
  readonly meta: EventMeta;
}

/** Where handler failures go (default: `console.error`). */
export type HandlerErrorReporter = (error: unknown, event: string) => void;

/**
 * A typed event bus on mitt. Sellkit emits only after a transaction commits, so handlers see
 * committed data and never hear of rolled-back work.
 */
export interface EventBus<E extends EventMap> {
  on<K extends keyof E & string>(event: K, handler: EventHandler<E[K]>): () => void;
  off<K extends keyof E & string>(event: K, handler: EventHandler<E[K]>): void;
  /** Listens to every event: `(name, payload, meta)`. */
  onAny(
    handler: (
      event: keyof E & string,
      payload: E[keyof E],
      meta: EventMeta,
    ) => void | Promise<void>,
  ): () => void;
  /** Resolves when every async handler started so far has settled (useful in tests and shutdown). */
  idle(): Promise<void>;
}

/** The emitting side, kept inside the kernel. */
export interface EventDispatcher<E extends EventMap> extends EventBus<E> {
  dispatch(event: string, payload: unknown, meta: EventMeta): void;
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
 * const stop = bus.on('invoice.sent', async ({ invoiceId }, { tenantId }) =>
 *   console.log(tenantId, 'sent', invoiceId),
 * );
 * bus.dispatch('invoice.sent', { invoiceId: 'inv-1' }, { tenantId: 'acme', actorId: 'u-1', at: new Date() });
 * await bus.idle(); // every handler has run
 * stop();
 * ```
 */
export function createEventBus<E extends EventMap>(
  report: HandlerErrorReporter = (error, event) =>
    console.error(`[sellkit] handler for ${event} failed`, error),
): EventDispatcher<E> {
  // mitt carries one value per event: the payload and its meta travel together.
  const emitter: Emitter<Record<string, Delivery>> = mitt();
  const pending = new Set<Promise<void>>();
  const wrappers = new WeakMap<object, (delivery: Delivery) => void>();

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
      const wrapper = (delivery: Delivery) =>
        guard(event, () => handler(delivery.payload as E[typeof event], delivery.meta));
      wrappers.set(handler, wrapper);
      emitter.on(event, wrapper);
      return () => emitter.off(event, wrapper);
    },
    off(event, handler) {
      const wrapper = wrappers.get(handler);
      if (wrapper) emitter.off(event, wrapper);
    },
    onAny(handler) {
      const wrapper = (event: string | symbol, delivery: Delivery) =>
        guard(String(event), () =>
          handler(String(event) as keyof E & string, delivery.payload as E[keyof E], delivery.meta),
        );
      emitter.on('*', wrapper);
      return () => emitter.off('*', wrapper);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    dispatch(event, payload, meta) {
      emitter.emit(event, { payload, meta });
    },
  };
}
