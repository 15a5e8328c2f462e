import type { Company } from './companies/company-model.js';
import type { Contact } from './contacts/contact-model.js';
import type { Interaction } from './interactions/interaction-model.js';

/** Payload of `customer.created`: a new company or contact. */
export type CustomerCreatedEvent =
  | { readonly model: 'company'; readonly id: string; readonly company: Company }
  | { readonly model: 'contact'; readonly id: string; readonly contact: Contact };

/** Payload of `customer.updated`: which fields changed, and the record after the change. */
export type CustomerUpdatedEvent =
  | {
      readonly model: 'company';
      readonly id: string;
      readonly changed: readonly string[];
      readonly company: Company;
    }
  | {
      readonly model: 'contact';
      readonly id: string;
      readonly changed: readonly string[];
      readonly contact: Contact;
    };

/**
 * Payload of `customer.merged`. The duplicate no longer exists: modules that keep their own
 * references to companies re-point `duplicateId` to `survivorId` (references registered with
 * the `mergeReferences` option are re-pointed inside the merge's transaction already).
 */
export interface CustomerMergedEvent {
  readonly model: 'company';
  readonly survivorId: string;
  readonly duplicateId: string;
  readonly moved: {
    readonly contacts: number;
    readonly interactions: number;
    readonly employments: number;
    readonly subsidiaries: number;
    readonly references: Readonly<Record<string, number>>;
  };
  readonly tags: readonly string[];
}

/** Payload of `interaction.logged`. */
export interface InteractionLoggedEvent {
  readonly interaction: Interaction;
  readonly companyId: string | null;
  readonly contactId: string | null;
}

/** Kinds of reminder. */
export type ReminderKind = 'birthday' | 'workAnniversary' | 'noInteraction';

/**
 * Payload of `reminder.due`, delivered exactly once per (kind, record, occurrence).
 * `date` is the occurrence (the birthday or anniversary being celebrated, or for
 * `noInteraction` the day the record became quiet for `days` days).
 */
export interface ReminderDueEvent {
  readonly kind: ReminderKind;
  readonly model: 'company' | 'contact';
  readonly recordId: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly companyId: string | null;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Days from the tick's date to `date` (0 = today; negative for `noInteraction`). */
  readonly daysUntil: number;
  /** Birthdays: the age reached; anniversaries: the years completed. Null when unknown. */
  readonly years: number | null;
  /** For `noInteraction`: the last interaction (null when there never was one). */
  readonly lastInteractionAt: Date | null;
}

/**
 * Events of the customers module, all delivered after the transaction that caused them
 * commits.
 *
 * @example
 * ```ts
 * crm.events.on('customer.created', (event) => {
 *   if (event.model === 'company') console.log('new company', event.company.name);
 * });
 * crm.events.on('reminder.due', (event) => console.log(event.ownerId, event.kind, event.name));
 * ```
 */
export interface CustomerEvents {
  'customer.created': CustomerCreatedEvent;
  'customer.updated': CustomerUpdatedEvent;
  'customer.merged': CustomerMergedEvent;
  'interaction.logged': InteractionLoggedEvent;
  'reminder.due': ReminderDueEvent;
}

declare module '@sellkit/core' {
  interface SellkitEventRegistry extends CustomerEvents {}
}
