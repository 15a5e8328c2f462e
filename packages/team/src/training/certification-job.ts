import type { ModuleScope } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { trainingModels } from './training-models.js';

const PAGE = 1000;

/** What the job needs of a module scope: the calendar, the models, and `emitOnce` of its event. */
export type ReminderScope = Pick<ModuleScope, 'calendar' | 'internal' | 'model'> & {
  emitOnce(
    key: string,
    event: 'certification.expiring',
    payload: TeamEvents['certification.expiring'],
  ): Promise<boolean>;
};

/** What one reminder run emitted. */
export interface CertificationReminderReport {
  readonly emitted: number;
  readonly alreadySent: number;
}

/**
 * The scheduled job behind `certification.expiring`: every certification whose last valid
 * local day is within the largest reminder window gets one event for the smallest window it
 * falls in (30 days, then 7 days...), once per certification, expiry date and window, across
 * ticks and processes (`emitOnce`). A renewal moves the expiry date, so reminders start again.
 *
 * @example
 * ```ts
 * // The team module's `certificationReminders` job runs it on every scheduler tick.
 * const report = await runCertificationReminders(scope, [30, 7], new Date());
 * console.log(report.emitted, report.alreadySent);
 * ```
 */
export async function runCertificationReminders(
  scope: ReminderScope,
  windows: readonly number[],
  now: Date,
): Promise<CertificationReminderReport> {
  const totals = { emitted: 0, alreadySent: 0 };
  if (windows.length === 0) return totals;
  const ascending = [...windows].sort((a, b) => a - b);
  const calendar = await scope.calendar();
  const today = calendar.dateOf(now);
  const last = calendar.addDays(today, ascending[ascending.length - 1] ?? 0);
  // internal: a background job for the tenant as a whole (no actor's reach applies)
  const rows = scope.internal(trainingModels(scope).certification);
  let after: string | undefined;
  do {
    const page = await rows.find({
      where: { expiresOn: { gte: today, lte: last } },
      orderBy: [{ field: 'id' }],
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    for (const row of page.rows) {
      if (row.expiresOn === null) continue;
      const daysUntil = calendar.daysBetween(today, row.expiresOn);
      const window = ascending.find((days) => daysUntil <= days);
      if (window === undefined) continue;
      const sent = await scope.emitOnce(
        `team.certification.expiring:${row.id}:${row.expiresOn}:${window}`,
        'certification.expiring',
        {
          certificationId: row.id,
          repId: row.repId,
          name: row.name,
          expiresOn: row.expiresOn,
          daysUntil,
          windowDays: window,
        },
      );
      if (sent) totals.emitted += 1;
      else totals.alreadySent += 1;
    }
    after = page.nextCursor ?? undefined;
  } while (after);
  return totals;
}
