import type { ModuleScope } from '@sellkit/core';
import type { PotentialClassifier } from '../classification/potential.js';
import { company } from '../companies/company-model.js';
import { contact, contactCompanyHistory } from '../contacts/contact-model.js';
import type { CustomerEvents } from '../events.js';
import { interaction } from '../interactions/interaction-model.js';
import type { ResolvedOptions } from '../options.js';
import { segment } from '../segments/segment-model.js';
import { tag } from '../tags/tag-model.js';

/** What every customers service works with: one scope (maybe a transaction) and the options. */
export interface CustomersContext {
  readonly scope: ModuleScope<CustomerEvents>;
  readonly options: ResolvedOptions;
  /** The purchase-potential classifier, when a rule set was configured. */
  readonly classifier: PotentialClassifier | undefined;
  /** The country national phone numbers are read in for this operation (an import's option). */
  readonly defaultCountry?: string;
}

/** The same context bound to another scope (a transaction). */
export function within(
  ctx: CustomersContext,
  scope: ModuleScope<CustomerEvents>,
): CustomersContext {
  return { ...ctx, scope };
}

/**
 * The module's models as composed by the kernel (plugin fields included). Storage calls must
 * use these, not the bare definitions, or plugin fields would be refused.
 */
export function models(scope: ModuleScope<CustomerEvents>) {
  return {
    company: scope.model(company.name) as typeof company,
    contact: scope.model(contact.name) as typeof contact,
    interaction: scope.model(interaction.name) as typeof interaction,
    tag: scope.model(tag.name) as typeof tag,
    segment: scope.model(segment.name) as typeof segment,
    history: scope.model(contactCompanyHistory.name) as typeof contactCompanyHistory,
  };
}
