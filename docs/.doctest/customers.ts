// Names the fragments of docs/customers.md take from their surroundings (type-checked only).
import type { ScoringRegistry } from '@sellkit/core';
import { type CustomersService, defaultPotentialRules } from '@sellkit/customers';

/** A purchase potential rule set (scoring engine JSON). */
export const myRuleSet = defaultPotentialRules;
/** Extra operators and facts for that rule set. */
export declare const scoringRegistry: ScoringRegistry;
/** A sales rep's and an administrator's customers service (`crm.as(ctx).customers`). */
export declare const rep: CustomersService;
export declare const admin: CustomersService;
