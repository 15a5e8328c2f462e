import type { Clock } from '../context/clock.js';
import { isSellkitError, SellkitError } from '../errors/sellkit-error.js';
import type { TenantStorage } from '../storage/storage.js';
import { outboxEventModel } from './outbox-models.js';

/** One event as the outbox hands it to a delivery handler (payload in its JSON form). */
export interface OutboxMessage {
  readonly id: string;
  readonly event: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly createdAt: Date;
}

/** Options of {@link drainOutbox}. */
export interface DrainOptions {
  /** How many events at most (default 100). */
  limit?: number;
  /** How long a claimed event stays invisible to other drainers (default 60 s). */
  leaseMs?: number;
  /** Delay before retrying a failed event: attempts → milliseconds (default exponential, max 1 h). */
  backoff?: (attempts: number) => number;
  /** After this many failed attempts an event is marked failed and no longer retried (default 10). */
  maxAttempts?: number;
}

/** What a drain did. */
export interface DrainReport {
  delivered: number;
  failed: number;
  /** Events another drainer claimed first. */
  skipped: number;
}

/**
 * Delivers pending outbox events to `deliver`, oldest first, at least once: an event is marked
 * delivered only after `deliver` resolves; a throw schedules a retry with backoff. Each event is
 * claimed with an optimistic lease first, so concurrent drainers rarely deliver the same event
 * twice (and a crashed drainer's lease simply expires).
 *
 * @example
 * ```ts
 * const report = await drainOutbox(storage, systemClock, async (message) => {
 *   await fetch('https://erp.example/events', { method: 'POST', body: JSON.stringify(message) });
 * }, { limit: 50 });
 * // { delivered: 50, failed: 0, skipped: 0 }
 * ```
 */
export async function drainOutbox(
  storage: TenantStorage,
  clock: Clock,
  deliver: (message: OutboxMessage) => Promise<void>,
  options: DrainOptions = {},
): Promise<DrainReport> {
  const limit = options.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new SellkitError('VALIDATION_FAILED', 'limit must be an integer from 1 to 10,000', {
      issues: [
        { path: 'limit', message: 'must be an integer from 1 to 10,000', reason: 'out_of_range' },
      ],
    });
  }
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff =
    options.backoff ?? ((attempts: number) => Math.min(3_600_000, 1000 * 2 ** attempts));
  const now = clock.now();
  const page = await storage.find(outboxEventModel, {
    where: {
      status: 'pending',
      availableAt: { lte: now },
      or: [{ leasedUntil: null }, { leasedUntil: { lt: now } }],
    },
    orderBy: [{ field: 'id', direction: 'asc' }],
    limit,
  });
  const report: DrainReport = { delivered: 0, failed: 0, skipped: 0 };
  for (const row of page.rows) {
    let claimed: typeof row;
    try {
      claimed = await storage.update(
        outboxEventModel,
        row.id,
        { leasedUntil: new Date(now.getTime() + leaseMs) },
        { expectedVersion: row.version },
      );
    } catch (error) {
      if (isSellkitError(error, 'CONFLICT')) {
        report.skipped += 1;
        continue;
      }
      throw error;
    }
    try {
      await deliver({
        id: row.id,
        event: row.event,
        payload: row.payload,
        attempts: row.attempts,
        createdAt: row.createdAt,
      });
      await storage.update(
        outboxEventModel,
        row.id,
        { status: 'delivered', deliveredAt: clock.now(), leasedUntil: null },
        { expectedVersion: claimed.version },
      );
      report.delivered += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      await storage.update(
        outboxEventModel,
        row.id,
        {
          attempts,
          status: attempts >= maxAttempts ? 'failed' : 'pending',
          availableAt: new Date(clock.now().getTime() + backoff(attempts)),
          leasedUntil: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 2000),
        },
        { expectedVersion: claimed.version },
      );
      report.failed += 1;
    }
  }
  return report;
}
