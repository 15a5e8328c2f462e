import { defineModule } from '@sellkit/core';
import { moduleHandle } from '@sellkit/core/module';
import { createPotentialClassifier } from './classification/potential.js';
import { company } from './companies/company-model.js';
import { contact, contactCompanyHistory } from './contacts/contact-model.js';
import type { CustomerEvents } from './events.js';
import { interaction } from './interactions/interaction-model.js';
import { type CustomersOptions, resolveOptions } from './options.js';
import { runReminders } from './reminders/reminder-job.js';
import { segment } from './segments/segment-model.js';
import { type CustomersService, createCustomersService } from './service.js';
import { tag } from './tags/tag-model.js';

/**
 * The customers module: companies, contacts, tags, classification, segments, the interaction
 * timeline, reminders, duplicates, and CSV import and export. Services appear as
 * `crm.as(ctx).customers`; the reminder job runs on every `scheduler.tick(now)`.
 *
 * @example
 * ```ts
 * import { createSellkit } from '@sellkit/core';
 * import { sqlite } from '@sellkit/storage-kysely';
 * const crm = await createSellkit({
 *   storage: sqlite({ file: 'crm.db' }),
 *   modules: [customers({ classification: defaultPotentialRules, reminders: { withinDays: 14 } })],
 * });
 * const acme = crm.as({ tenantId: 'acme', actor: { id: 'u-7', roles: ['sales-rep'] } });
 * await acme.customers.companies.create({ name: 'Cancity', industry: 'retail', employees: 40 });
 * ```
 */
export function customers(options: CustomersOptions = {}) {
  const resolved = resolveOptions(options);
  const classifier =
    options.classification === undefined
      ? undefined
      : createPotentialClassifier(options.classification, options.scoringRegistry);
  return defineModule({
    id: 'customers',
    models: {
      company,
      contact,
      contactCompanyHistory,
      interaction,
      tag,
      segment,
    },
    events: {} as CustomerEvents,
    services: (scope) => createCustomersService({ scope, options: resolved, classifier }),
    jobs: {
      async reminders(scope, now) {
        await runReminders(scope, resolved.reminders, now);
      },
    },
  });
}

/**
 * The typed handle of the customers module, for another module's services or a script that
 * holds a scope: `scope.use(customersHandle)` is `crm.as(ctx).customers`, bound to that scope
 * (so it joins its transaction).
 *
 * @example
 * ```ts
 * import { customersHandle } from '@sellkit/customers';
 * // in a module's service, or inside crm.as(ctx).scope.transaction(...)
 * const acme = await scope.use(customersHandle).companies.create({ name: 'Acme' });
 * ```
 */
export const customersHandle = moduleHandle<CustomersService>('customers');
