import { type InferCreate, type Page, validationError } from '@sellkit/core';
import { issueList, notFound, requireObject, withRetry } from '@sellkit/core/module';
import { type CustomersContext, models, within } from '../shared/context.js';
import { checkDirectory } from '../shared/directory.js';
import { dateProblem } from '../shared/formats.js';
import { touchCompany, touchContact } from './counters.js';
import {
  INTERACTION_TYPES,
  type Interaction,
  type InteractionDirection,
  type InteractionType,
} from './interaction-model.js';

/** What logging an interaction takes. A contact, a company, or both are required. */
export interface InteractionInput {
  type: InteractionType;
  /** When it happened (default: now). */
  occurredAt?: Date | string;
  direction?: InteractionDirection | null;
  durationMinutes?: number | null;
  subject?: string | null;
  body?: string | null;
  outcome?: string | null;
  nextStep?: string | null;
  /** Reps who took part (default: the actor). */
  repIds?: readonly string[];
  /** Other contacts who took part. */
  contactIds?: readonly string[];
  /** The main contact; the company defaults to the contact's current company. */
  contactId?: string | null;
  companyId?: string | null;
  readonly [customField: string]: unknown;
}

/** A timeline page request. */
export interface TimelineQuery {
  /** Page size, default 50, at most 500. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
  /** Only these types. */
  types?: readonly InteractionType[];
}

/** The interaction log and the timelines built from it. */
export interface InteractionService {
  /**
   * Logs an interaction and, in the same transaction, updates the company's and contact's
   * counters and last-interaction date.
   *
   * @example
   * ```ts
   * const ada = await rep.customers.contacts.create({ firstName: 'Ada', lastName: 'Lovelace' });
   * await rep.customers.interactions.log({
   *   type: 'call', direction: 'outbound', contactId: ada.id,
   *   occurredAt: new Date(), durationMinutes: 15, subject: 'Launch of the X200',
   *   outcome: 'interested', nextStep: 'send a quote',
   * });
   * ```
   */
  log(input: InteractionInput): Promise<Interaction>;
  /** A company's timeline, its contacts' interactions included, newest first. */
  companyTimeline(companyId: string, query?: TimelineQuery): Promise<Page<Interaction>>;
  /** A contact's timeline (interactions where they were the main contact), newest first. */
  contactTimeline(contactId: string, query?: TimelineQuery): Promise<Page<Interaction>>;
  /** Deletes a logged interaction and takes it out of the counters. */
  delete(id: string): Promise<void>;
}

function timestamp(value: unknown, now: Date): Date | undefined {
  if (value === undefined || value === null) return now;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || value.length > 40) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) {
    return undefined;
  }
  // `new Date` rolls 30 February over to March; a day that does not exist is refused.
  if (dateProblem(value.slice(0, 10))) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/**
 * Logging or deleting an interaction moves its company's and contact's counters, hot rows when
 * many log at once: each round of clashing writers lets one through, so retry generously.
 */
const COUNTER_RETRY = { attempts: 12 } as const;

async function logInteraction(ctx: CustomersContext, input: unknown): Promise<Interaction> {
  const raw = requireObject(input, 'an interaction', 'interaction');
  return withRetry(
    ctx.scope,
    async (tx) => {
      const inner = within(ctx, tx);
      const { company, contact, interaction } = models(tx);
      const issues = issueList();
      const data: Record<string, unknown> = { ...raw };
      if (!INTERACTION_TYPES.includes(raw.type as InteractionType)) {
        issues.add('type', `must be one of ${INTERACTION_TYPES.join(', ')}`, 'invalid_enum_value');
      }
      const occurredAt = timestamp(raw.occurredAt, tx.clock.now());
      if (occurredAt === undefined) issues.add('occurredAt', 'must be a date-time', 'invalid_date');
      else data.occurredAt = occurredAt;

      // internal: existence checks see past the actor; sight of what is found is asserted below
      const people = tx.internal(contact);
      const primary = raw.contactId ?? null;
      const person = typeof primary === 'string' ? await people.get(primary) : null;
      if (primary !== null && person === null) {
        issues.add('contactId', `contact ${String(primary)} does not exist`, 'unknown_contact');
      }
      const companyId = raw.companyId ?? person?.companyId ?? null;
      // internal: an existence check, like the contact's; sight of the company is asserted below
      const organisation =
        typeof companyId === 'string' ? await tx.internal(company).get(companyId) : null;
      if (raw.companyId !== undefined && raw.companyId !== null && organisation === null) {
        issues.add(
          'companyId',
          `company ${String(raw.companyId)} does not exist`,
          'unknown_company',
        );
      }
      if (primary === null && (raw.companyId === undefined || raw.companyId === null)) {
        issues.add('contactId', 'an interaction needs a contact or a company', 'missing');
      }
      const others = raw.contactIds ?? [];
      const participants: string[] = person ? [person.id] : [];
      if (!Array.isArray(others))
        issues.add('contactIds', 'must be a list of contact ids', 'invalid_type');
      else {
        const found = new Set(
          (await people.getMany(others.filter((id): id is string => typeof id === 'string'))).map(
            (row) => row.id,
          ),
        );
        others.forEach((id, index) => {
          if (typeof id !== 'string' || !found.has(id)) {
            issues.add(
              `contactIds.${index}`,
              `contact ${String(id)} does not exist`,
              'unknown_contact',
            );
          } else if (!participants.includes(id)) participants.push(id);
        });
      }
      const reps = raw.repIds ?? [tx.context.actor.id];
      if (!Array.isArray(reps)) issues.add('repIds', 'must be a list of user ids', 'invalid_type');
      else
        for (const [index, id] of reps.entries())
          await checkDirectory(inner, 'owners', `repIds.${index}`, id, issues);
      issues.throwIfAny({ model: 'interaction' });

      // Logging needs sight of what the interaction is about.
      if (person) await tx.assertCan('read', contact, person);
      if (organisation) await tx.assertCan('read', company, organisation);
      const record: InferCreate<typeof interaction> = {
        ...data,
        // Both checked above (issues thrown otherwise).
        type: raw.type as InteractionType,
        occurredAt: data.occurredAt as Date,
        contactId: person?.id ?? null,
        companyId: organisation?.id ?? null,
        contactIds: participants,
        repIds: [...new Set(reps as string[])],
      };
      const created = await tx.records(interaction).create(record);
      if (organisation)
        await touchCompany(inner, organisation.id, created.type, created.occurredAt);
      if (person) await touchContact(inner, person.id, created.type, created.occurredAt);
      await tx.emit('interaction.logged', {
        interaction: created,
        companyId: created.companyId,
        contactId: created.contactId,
      });
      return created;
    },
    COUNTER_RETRY,
  );
}

function pageSize(limit: unknown): number {
  if (limit === undefined) return 50;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw validationError('limit', 'must be an integer from 1 to 500', 'invalid_limit');
  }
  return limit;
}

async function lastOccurrence(
  ctx: CustomersContext,
  where: { companyId: string } | { contactId: string },
): Promise<Date | null> {
  const { interaction } = models(ctx.scope);
  // internal: the counters' last date counts every interaction, whoever logged it
  const page = await ctx.scope.internal(interaction).find({
    where,
    orderBy: [{ field: 'occurredAt', direction: 'desc' }],
    limit: 1,
  });
  return page.rows[0]?.occurredAt ?? null;
}

/** The interaction service bound to a context. */
export function interactionService(ctx: CustomersContext): InteractionService {
  const { scope } = ctx;
  async function timeline(
    where: { companyId: string } | { contactId: string },
    query: TimelineQuery = {},
  ): Promise<Page<Interaction>> {
    const limit = pageSize(query.limit);
    const { interaction } = models(scope);
    // internal: seeing a company or contact (checked by the caller) means seeing its history
    return scope.internal(interaction).find({
      where: query.types ? { ...where, type: { in: [...query.types] } } : where,
      orderBy: [
        { field: 'occurredAt', direction: 'desc' },
        { field: 'id', direction: 'desc' },
      ],
      limit,
      ...(query.after === undefined ? {} : { after: query.after }),
    });
  }
  return {
    log: (input) => logInteraction(ctx, input),
    async companyTimeline(companyId, query) {
      // Seeing a company means seeing its history, whoever logged each entry.
      await scope.records(models(scope).company).get(companyId);
      return timeline({ companyId }, query);
    },
    async contactTimeline(contactId, query) {
      await scope.records(models(scope).contact).get(contactId);
      return timeline({ contactId }, query);
    },
    async delete(id) {
      await withRetry(
        scope,
        async (tx) => {
          const inner = within(ctx, tx);
          const { interaction } = models(tx);
          // internal: NOT_FOUND or, for what the actor may not delete, FORBIDDEN from delete below
          const before = await tx.internal(interaction).get(id);
          if (!before) throw notFound('interaction', id);
          await tx.records(interaction).delete(id, { current: before });
          if (before.companyId) {
            const last = await lastOccurrence(inner, { companyId: before.companyId });
            await touchCompany(inner, before.companyId, before.type, before.occurredAt, -1, last);
          }
          if (before.contactId) {
            const last = await lastOccurrence(inner, { contactId: before.contactId });
            await touchContact(inner, before.contactId, before.type, before.occurredAt, -1, last);
          }
        },
        COUNTER_RETRY,
      );
    },
  };
}
