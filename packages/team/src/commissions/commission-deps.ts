import { SellkitError } from '@sellkit/core';
import type { CommissionDeps } from './commission-service.js';
import { type CreditSource, dealWonSource } from './credit-source.js';
import { defaultQuotaLookup, type QuotaLookup } from './quota.js';

/** The commission service's dependencies from the module options: `deal-won` plus the host's sources. */
export function commissionDeps(
  options: { creditSources?: readonly CreditSource[]; quotaLookup?: QuotaLookup } = {},
): CommissionDeps {
  const sources = new Map<string, CreditSource>([[dealWonSource.id, dealWonSource]]);
  for (const source of options.creditSources ?? []) {
    if (
      typeof source?.id !== 'string' ||
      typeof source.credits !== 'function' ||
      typeof source.current !== 'function'
    )
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        'team: a credit source needs an id, credits() and current()',
      );
    sources.set(source.id, source);
  }
  return {
    creditSources: [...sources.values()],
    quotaLookup: options.quotaLookup ?? defaultQuotaLookup,
  };
}
