import type { ModuleScope } from '@sellkit/core';
import type { CustomerEvents } from '../events.js';
import type { CustomersContext } from '../shared/context.js';
import { models } from '../shared/context.js';
import type { InteractionType } from './interaction-model.js';

/** The counter field of each interaction type. */
export const COUNTER_FIELD: Readonly<Record<InteractionType, string>> = {
  call: 'callCount',
  email: 'emailCount',
  meeting: 'meetingCount',
  visit: 'visitCount',
  note: 'noteCount',
};

type Counted = {
  readonly id: string;
  readonly version: number;
  readonly interactionCount: number;
  readonly lastInteractionAt: Date | null;
} & Readonly<Record<string, unknown>>;

/** The counter changes one more interaction makes on a company or contact. */
export function countersAfter(
  record: Counted,
  type: InteractionType,
  occurredAt: Date,
  delta: 1 | -1 = 1,
): Record<string, unknown> {
  const field = COUNTER_FIELD[type];
  const current = typeof record[field] === 'number' ? (record[field] as number) : 0;
  const patch: Record<string, unknown> = {
    interactionCount: Math.max(0, record.interactionCount + delta),
    [field]: Math.max(0, current + delta),
  };
  if (delta > 0 && (record.lastInteractionAt === null || record.lastInteractionAt < occurredAt)) {
    patch.lastInteractionAt = occurredAt;
  }
  return patch;
}

/**
 * Bumps the counters of a company after an interaction, in the caller's transaction. The
 * update names the version read, so a concurrent logger makes this `CONFLICT` (and the
 * caller's retry) instead of a lost increment. Purchase potential is re-evaluated when rules
 * use interaction facts.
 */
export async function touchCompany(
  ctx: CustomersContext,
  companyId: string,
  type: InteractionType,
  occurredAt: Date,
  delta: 1 | -1 = 1,
  lastInteractionAt?: Date | null,
): Promise<void> {
  const scope: ModuleScope<CustomerEvents> = ctx.scope;
  const { company } = models(scope);
  const before = await scope.storage.get(company, companyId);
  if (!before) return;
  const patch = countersAfter(before, type, occurredAt, delta);
  if (lastInteractionAt !== undefined) patch.lastInteractionAt = lastInteractionAt;
  if (ctx.classifier && before.purchasePotentialSource === 'rules') {
    patch.purchasePotential = ctx.classifier.classify(
      { ...before, ...patch },
      scope.clock.now(),
      await scope.calendar(),
    );
  }
  await scope.storage.update(company, companyId, patch, { expectedVersion: before.version });
}

/** Bumps the counters of a contact after an interaction, like {@link touchCompany}. */
export async function touchContact(
  ctx: CustomersContext,
  contactId: string,
  type: InteractionType,
  occurredAt: Date,
  delta: 1 | -1 = 1,
  lastInteractionAt?: Date | null,
): Promise<void> {
  const { contact } = models(ctx.scope);
  const before = await ctx.scope.storage.get(contact, contactId);
  if (!before) return;
  const patch = countersAfter(before, type, occurredAt, delta);
  if (lastInteractionAt !== undefined) patch.lastInteractionAt = lastInteractionAt;
  await ctx.scope.storage.update(contact, contactId, patch, { expectedVersion: before.version });
}
