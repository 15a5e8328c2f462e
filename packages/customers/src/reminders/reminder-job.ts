import { type AnyModel, deliveryModel, type ModuleScope, type TenantCalendar } from '@sellkit/core';
import type { CustomerEvents, ReminderDueEvent } from '../events.js';
import type { ResolvedOptions } from '../options.js';
import { models } from '../shared/context.js';
import { daysBetween, upcomingDays, yearsAt } from './occurrences.js';

const PAGE = 1000;

/** What one reminder run found and emitted. */
export interface ReminderRunReport {
  /** Reminders emitted by this run. */
  readonly emitted: number;
  /** Reminders due but already emitted before (by an earlier tick or another process). */
  readonly alreadySent: number;
}

type Scope = ModuleScope<CustomerEvents>;

/** Emits each candidate once, skipping keys already delivered with one query per page. */
async function emitAll(
  scope: Scope,
  candidates: readonly { key: string; event: ReminderDueEvent }[],
  totals: { emitted: number; alreadySent: number },
): Promise<void> {
  if (candidates.length === 0) return;
  // internal: the kernel's delivery log, bookkeeping of emitOnce
  const seen = await scope.internal(deliveryModel).find({
    where: { key: { in: candidates.map((candidate) => candidate.key) } },
    limit: candidates.length,
  });
  const done = new Set(seen.rows.map((row) => row.key));
  for (const candidate of candidates) {
    if (
      done.has(candidate.key) ||
      !(await scope.emitOnce(candidate.key, 'reminder.due', candidate.event))
    ) {
      totals.alreadySent += 1;
    } else totals.emitted += 1;
  }
}

async function eachPage<R>(
  scope: Scope,
  model: AnyModel,
  where: Record<string, unknown>,
  visit: (rows: R[]) => Promise<void>,
): Promise<void> {
  let after: string | undefined;
  // internal: a background job, run for the tenant as a whole (no actor's reach applies)
  const rows = scope.internal(model);
  do {
    const page = await rows.find({
      where,
      orderBy: [{ field: 'id' }],
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    await visit(page.rows as R[]);
    after = page.nextCursor ?? undefined;
  } while (after);
}

async function dateReminders(
  scope: Scope,
  kind: 'birthday' | 'workAnniversary',
  today: string,
  withinDays: number,
  totals: { emitted: number; alreadySent: number },
): Promise<void> {
  const { contact } = models(scope);
  const window = upcomingDays(today, withinDays);
  const keyField = kind === 'birthday' ? 'birthdayKey' : 'anniversaryKey';
  await eachPage<Record<string, unknown> & { id: string }>(
    scope,
    contact,
    { [keyField]: { in: [...window.keys()] } },
    async (rows) => {
      const candidates: { key: string; event: ReminderDueEvent }[] = [];
      for (const row of rows) {
        const origin = row[kind] as string | null;
        if (!origin) continue;
        for (const date of window.get(origin.slice(5)) ?? []) {
          const years = yearsAt(origin, date);
          // A birthday before birth, or an anniversary of the first day, is no occasion.
          if (years < (kind === 'birthday' ? 0 : 1) || date < origin) continue;
          const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
          candidates.push({
            key: `customers.reminder:${kind}:${row.id}:${date}`,
            event: {
              kind,
              model: 'contact',
              recordId: row.id,
              name,
              ownerId: (row.ownerId as string | null) ?? null,
              companyId: (row.companyId as string | null) ?? null,
              date,
              daysUntil: daysBetween(today, date),
              years,
              lastInteractionAt: (row.lastInteractionAt as Date | null) ?? null,
            },
          });
        }
      }
      await emitAll(scope, candidates, totals);
    },
  );
}

async function inactivityReminders(
  scope: Scope,
  options: ResolvedOptions['reminders'],
  calendar: TenantCalendar,
  now: Date,
  today: string,
  totals: { emitted: number; alreadySent: number },
): Promise<void> {
  const { company } = models(scope);
  // Local calendar days: "90 days without contact" keeps the wall-clock time across DST.
  const cutoff = calendar.shift(now, { days: -options.inactiveDays });
  await eachPage<
    Record<string, unknown> & { id: string; createdAt: Date; lastInteractionAt: Date | null }
  >(
    scope,
    company,
    {
      lifecycleStage: { in: [...options.inactiveStages] },
      or: [
        { lastInteractionAt: { lt: cutoff } },
        { lastInteractionAt: null, createdAt: { lt: cutoff } },
      ],
    },
    async (rows) => {
      const candidates = rows.map((row) => {
        const since = row.lastInteractionAt ?? row.createdAt;
        const date = calendar.dateOf(calendar.shift(since, { days: options.inactiveDays }));
        return {
          // One reminder per quiet spell: a new interaction starts a new one.
          key: `customers.reminder:noInteraction:${row.id}:${since.toISOString()}`,
          event: {
            kind: 'noInteraction' as const,
            model: 'company' as const,
            recordId: row.id,
            name: String(row.name),
            ownerId: (row.ownerId as string | null) ?? null,
            companyId: row.id,
            date,
            daysUntil: daysBetween(today, date),
            years: null,
            lastInteractionAt: row.lastInteractionAt,
          },
        };
      });
      await emitAll(scope, candidates, totals);
    },
  );
}

/**
 * The reminder job: emits `reminder.due` for birthdays and work anniversaries within
 * `withinDays` (today included) and for companies without an interaction for `inactiveDays`.
 * Each reminder is emitted exactly once per (kind, record, occurrence) through
 * `scope.emitOnce`, however often and from however many processes the scheduler ticks.
 * Dates are calendar days of the tenant's calendar: "today" is the local date of `now` in the
 * tenant's time zone, and a birthday (a date without a zone) is due on that local date. A
 * contact born on 29 February is reminded on 28 February in common years.
 */
export async function runReminders(
  scope: Scope,
  options: ResolvedOptions['reminders'],
  now: Date,
): Promise<ReminderRunReport> {
  const calendar = await scope.calendar();
  const today = calendar.dateOf(now);
  const totals = { emitted: 0, alreadySent: 0 };
  if (options.birthdays) await dateReminders(scope, 'birthday', today, options.withinDays, totals);
  if (options.anniversaries) {
    await dateReminders(scope, 'workAnniversary', today, options.withinDays, totals);
  }
  if (options.inactivity) await inactivityReminders(scope, options, calendar, now, today, totals);
  return totals;
}
