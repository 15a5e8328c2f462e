import type { RuleSet } from '@sellkit/core';
import { random } from '../shared/random.js';

type Leaf = { fact: string; operator: string; value: unknown };
type Node = Leaf | { all: Node[] } | { any: Node[] } | { not: Node };

function rule(id: string, points: number, condition: Node, tag?: string): RuleSet['rules'][number] {
  return {
    id,
    description: id.replace(/-/g, ' '),
    condition,
    outcome: tag ? { points, tag } : { points },
  };
}
const leaf =
  (operator: string) =>
  (fact: string, value: unknown): Leaf => ({ fact, operator, value });
const eq = leaf('eq');
const ne = leaf('ne');
const lt = leaf('lt');
const lte = leaf('lte');
const gt = leaf('gt');
const gte = leaf('gte');
const inList = leaf('in');
const notIn = leaf('notIn');
const contains = leaf('contains');

/** The benchmark rule set: 30 rules of 2 to 4 conditions, only operators json-rules-engine shares. */
export const benchRuleSet: RuleSet = {
  id: 'bench-opportunity-priority',
  version: 1,
  description: 'Opportunity priority, as a sales team might write it.',
  rules: [
    rule('big-deal', 30, {
      all: [
        gte('opportunity.amount', 100_000),
        inList('opportunity.stage', ['proposal', 'negotiation']),
      ],
    }),
    rule('small-deal', -10, {
      all: [lt('opportunity.amount', 5_000), ne('opportunity.stage', 'won')],
    }),
    rule('hot-source', 15, {
      all: [
        inList('opportunity.source', ['referral', 'partner']),
        gte('opportunity.probability', 50),
      ],
    }),
    rule('stale', -20, {
      all: [
        gt('opportunity.daysOpen', 180),
        inList('opportunity.stage', ['lead', 'qualified']),
        ne('company.tier', 'gold'),
      ],
    }),
    rule('enterprise', 25, {
      all: [
        gte('company.employees', 1000),
        inList('company.industry', ['manufacturing', 'finance', 'medical']),
      ],
    }),
    rule('smb-software', 8, {
      all: [
        lt('company.employees', 50),
        eq('company.industry', 'software'),
        gt('opportunity.amount', 10_000),
      ],
    }),
    rule('loyal', 12, {
      all: [gte('company.customerSince', 5), inList('company.tier', ['gold', 'silver'])],
    }),
    rule(
      'churn-risk',
      -15,
      { all: [gt('company.openTickets', 5), { not: eq('company.tier', 'gold') }] },
      'risk',
    ),
    rule('multi-product', 10, {
      all: [contains('opportunity.products', 'erp'), contains('opportunity.products', 'bi')],
    }),
    rule('crm-only', 3, {
      all: [
        contains('opportunity.products', 'crm'),
        { not: contains('opportunity.products', 'erp') },
        lte('opportunity.amount', 20_000),
      ],
    }),
    rule('dach', 5, {
      all: [
        inList('company.country', ['DE', 'AT', 'CH']),
        inList('opportunity.region', ['south', 'east']),
      ],
    }),
    rule('us-big', 20, { all: [eq('company.country', 'US'), gte('opportunity.amount', 250_000)] }),
    rule('deep-discount', -12, {
      all: [gt('opportunity.discount', 30), lt('opportunity.probability', 40)],
    }),
    rule('many-contacts', 9, {
      any: [
        gte('opportunity.contacts', 8),
        { all: [gte('opportunity.contacts', 4), gte('company.employees', 500)] },
      ],
    }),
    rule('outbound-cold', -6, {
      all: [
        eq('opportunity.source', 'outbound'),
        lte('opportunity.probability', 20),
        gt('opportunity.daysOpen', 60),
      ],
    }),
    rule('event-fresh', 7, {
      all: [eq('opportunity.source', 'event'), lte('opportunity.daysOpen', 14)],
    }),
    rule(
      'public-sector',
      -4,
      {
        all: [
          eq('company.industry', 'public'),
          { any: [gte('opportunity.amount', 50_000), gt('opportunity.daysOpen', 90)] },
        ],
      },
      'tender',
    ),
    rule('retail-pos', 6, {
      all: [eq('company.industry', 'retail'), contains('opportunity.products', 'pos')],
    }),
    rule(
      'negotiation-likely',
      18,
      {
        all: [
          eq('opportunity.stage', 'negotiation'),
          gte('opportunity.probability', 70),
          lte('opportunity.discount', 15),
        ],
      },
      'closing',
    ),
    rule('lost-cause', -30, {
      all: [eq('opportunity.stage', 'lost'), gt('opportunity.amount', 0)],
    }),
    rule(
      'won-upsell',
      4,
      {
        all: [
          eq('opportunity.stage', 'won'),
          inList('company.tier', ['gold', 'silver', 'bronze']),
          { not: contains('opportunity.products', 'bi') },
        ],
      },
      'upsell',
    ),
    rule('mid-market', 10, {
      all: [
        gte('company.employees', 200),
        lt('company.employees', 1000),
        gte('opportunity.amount', 30_000),
      ],
    }),
    rule('no-tier-big', 7, {
      all: [
        eq('company.tier', 'none'),
        gte('opportunity.amount', 75_000),
        gte('opportunity.probability', 30),
      ],
    }),
    rule('partner-region', 3, {
      all: [eq('opportunity.source', 'partner'), notIn('opportunity.region', ['north'])],
    }),
    rule('finance-hr', 5, {
      all: [eq('company.industry', 'finance'), contains('opportunity.products', 'hr')],
    }),
    rule('medical-compliance', 6, {
      all: [
        eq('company.industry', 'medical'),
        { any: [inList('company.country', ['DE', 'FR']), lt('company.openTickets', 2)] },
      ],
    }),
    rule('quick-win', 11, {
      all: [
        lt('opportunity.daysOpen', 30),
        gt('opportunity.probability', 60),
        gte('opportunity.amount', 10_000),
        lte('opportunity.amount', 60_000),
      ],
    }),
    rule('long-shot', -8, {
      all: [
        lt('opportunity.probability', 10),
        { not: inList('opportunity.stage', ['won', 'lost']) },
      ],
    }),
    rule(
      'strategic',
      35,
      {
        all: [
          gt('company.employees', 5000),
          eq('company.tier', 'gold'),
          gte('opportunity.amount', 150_000),
          ne('opportunity.stage', 'lost'),
        ],
      },
      'strategic',
    ),
    rule('tickets-but-loyal', 2, {
      all: [gte('company.openTickets', 3), gt('company.customerSince', 10)],
    }),
  ],
  bands: [
    { label: 'hot', min: 40, priority: 1 },
    { label: 'warm', min: 15, priority: 2 },
    { label: 'cold', priority: 3 },
  ],
};

/** One generated opportunity with its company. */
export interface OpportunityFacts {
  opportunity: {
    amount: number;
    stage: string;
    probability: number;
    source: string;
    daysOpen: number;
    contacts: number;
    discount: number;
    products: string[];
    region: string;
  };
  company: {
    industry: string;
    employees: number;
    country: string;
    customerSince: number;
    tier: string;
    openTickets: number;
  };
}

/** `count` opportunities, the same for the same seed. */
export function generateFacts(count: number, seed = 42): OpportunityFacts[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const int = (max: number) => Math.floor(next() * (max + 1));
  const products = ['crm', 'erp', 'bi', 'hr', 'pos'];
  return Array.from({ length: count }, () => ({
    opportunity: {
      amount: int(500) * 1000 + int(999),
      stage: pick(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']),
      probability: int(100),
      source: pick(['web', 'referral', 'event', 'outbound', 'partner']),
      daysOpen: int(365),
      contacts: int(20),
      discount: int(50),
      products: products.filter(() => next() < 0.4),
      region: pick(['north', 'south', 'east', 'west']),
    },
    company: {
      industry: pick(['retail', 'medical', 'manufacturing', 'software', 'finance', 'public']),
      employees: 1 + int(10) ** 4 + int(999),
      country: pick(['DE', 'FR', 'NL', 'AT', 'CH', 'US']),
      customerSince: int(20),
      tier: pick(['gold', 'silver', 'bronze', 'none']),
      openTickets: int(15),
    },
  }));
}
