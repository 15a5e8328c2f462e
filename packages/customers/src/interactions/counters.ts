import type { ModuleScope } from '@sellkit/core';
import type { CustomerEvents } from '../events.js';
import type { CustomersContext } from '../shared/context.js';
import { models } from '../shared/context.js';
import type { InteractionType } from './interaction-model.js';

/** The counter field of each interaction type. */
export const COUNTER_FIELD = {
  call: 'callCount',
  email: 'emailCount',
  meeting: 'meetingCount',
  visit: 'visitCount',
  note: 'noteCount',
} as const satisfies Readonly<Record<InteractionType, string>>;

/** A per-type counter field (`callCount`, ...). */
export type CounterField = (typeof COUNTER_FIELD)[InteractionType];

/** The interaction counters a company and a contact both keep. */
export type Counted = {
  readonly id: string;
  readonly version: number;
  readonly interactionCount: number;
  readonly lastInteractionAt: Date | null;
} & { readonly [F in CounterField]: number };

/** A patch of the counters (and the last-interaction date). */
export type CounterPatch = {
  interactionCount: number;
  lastInteractionAt?: Date | null;
} & { [F in CounterField]?: number };

/** The counter changes one more interaction makes on a company or contact. */
export function countersAfter(
  record: Counted,
  type: InteractionType,
  occurredAt: Date,
  delta: 1 | -1 = 1,
): CounterPatch {
  const field = COUNTER_FIELD[type];
  const patch: CounterPatch = {
    interactionCount: Math.max(0, record.interactionCount + delta),
    [field]: Math.max(0, record[field] + delta),
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
  // internal: the counters move whoever logs the interaction, even a rep who cannot edit the company
  const rows = scope.internal(company);
  const before = await rows.get(companyId);
  if (!before) return;
  const patch = countersAfter(before, type, occurredAt, delta);
  if (lastInteractionAt !== undefined) patch.lastInteractionAt = lastInteractionAt;
  const potential =
    ctx.classifier && before.purchasePotentialSource === 'rules'
      ? {
          purchasePotential: ctx.classifier.classify(
            { ...before, ...patch },
            scope.clock.now(),
            await scope.calendar(),
          ),
        }
      : {};
  await rows.update(companyId, { ...patch, ...potential }, { current: before });
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
  // internal: the counters move whoever logs the interaction, even a rep who cannot edit the contact
  const rows = ctx.scope.internal(contact);
  const before = await rows.get(contactId);
  if (!before) return;
  const patch = countersAfter(before, type, occurredAt, delta);
  if (lastInteractionAt !== undefined) patch.lastInteractionAt = lastInteractionAt;
  await rows.update(contactId, patch, { current: before });
}
