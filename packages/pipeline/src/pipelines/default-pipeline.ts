import { definePipeline } from './define-pipeline.js';

/**
 * The pipeline a tenant gets when the host configures none: Prospecting → Qualification →
 * Proposal (needs an amount; a feedback call is due 3 days after entering) → Negotiation
 * (needs an amount and an expected close date) → Won / Lost.
 */
export const DEFAULT_PIPELINE = definePipeline({
  key: 'default',
  name: 'Sales',
  stages: [
    { key: 'prospecting', name: 'Prospecting', probability: 10 },
    { key: 'qualification', name: 'Qualification', probability: 20 },
    {
      key: 'proposal',
      name: 'Proposal',
      probability: 50,
      requiredFields: ['amount'],
      playbook: [
        {
          key: 'proposal-feedback',
          title: 'Call for feedback on the proposal',
          dueIn: { days: 3 },
        },
      ],
    },
    {
      key: 'negotiation',
      name: 'Negotiation',
      probability: 75,
      requiredFields: ['amount', 'expectedCloseDate'],
    },
    { key: 'won', name: 'Won', kind: 'won', probability: 100, requiredFields: ['amount'] },
    { key: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
  ],
});
