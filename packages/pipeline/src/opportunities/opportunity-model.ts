import { defineModel, field, type InferRecord } from '@sellkit/core';

/** Leads are early, maybe without a company; opportunities are qualified deals. */
export const OPPORTUNITY_KINDS = ['lead', 'opportunity'] as const;
/** Whether a deal is still open, or closed as won or lost (follows the stage's kind). */
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
/** A deal's status. */
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** How one computed score came about, in words a seller can read. */
export interface ScoreExplanation {
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  /** `published`: the tenant's published rule set; `default`: the module's (none published yet). */
  readonly source: 'default' | 'published' | 'draft';
  readonly total: number;
  readonly band: string | null;
  /** One line per rule that gave points, e.g. `+20 Budget confirmed`. */
  readonly reasons: readonly {
    readonly rule: string;
    readonly points: number;
    readonly text: string;
  }[];
  /** The learned win probability used, when there was history to learn from. */
  readonly winProbability: number | null;
}

/**
 * A lead or an opportunity. Stage, status, probability, score, band, priority and the
 * derived fields (`primaryProductId`, `productIds`, `cycleDays`...) are kept by the pipeline
 * services: write them through `moveStage`, `win`, `lose`, `reopen` and `setLines`.
 */
export const opportunity = defineModel({
  name: 'opportunity',
  idPrefix: 'opp',
  description: 'A lead or sales opportunity moving through a pipeline.',
  fields: {
    kind: field.enum(OPPORTUNITY_KINDS, { required: true, default: 'opportunity', index: true }),
    title: field.text({ required: true, maxLength: 200, searchable: true }),
    companyId: field.reference('company', { index: true }),
    contactId: field.reference('contact', { index: true }),
    /** Where it came from: `trade show`, `referral`, `web`... */
    source: field.text({ maxLength: 100, index: true }),
    ownerId: field.text({ maxLength: 128, index: true }),
    territoryId: field.text({ maxLength: 128, index: true }),
    /** The company's industry when the deal was recorded (a feature of the win model). */
    industry: field.text({ maxLength: 100 }),
    pipelineId: field.reference('salesPipeline', { required: true, index: true }),
    stage: field.text({ required: true, maxLength: 64 }),
    status: field.enum(OPPORTUNITY_STATUSES, { required: true, default: 'open' }),
    /** Percent, 0 to 100: the stage's default unless set by hand. */
    probability: field.integer({ required: true, min: 0, max: 100 }),
    probabilitySource: field.enum(['stage', 'manual'] as const, {
      required: true,
      default: 'stage',
    }),
    amount: field.money(),
    /** `lines`: the amount is the sum of the lines; `manual`: set by hand. */
    amountSource: field.enum(['lines', 'manual'] as const, { required: true, default: 'manual' }),
    primaryProductId: field.text({ maxLength: 64, index: true }),
    productIds: field.textList({ required: true, default: () => [], maxItems: 200, maxLength: 64 }),
    expectedCloseDate: field.date({ index: true }),
    engageDate: field.date(),
    closeDate: field.date(),
    closedAt: field.timestamp(),
    /** Days from engagement to close, set on closing (cycle-length reports). */
    cycleDays: field.integer({ min: 0 }),
    stageEnteredAt: field.timestamp(),
    lastActivityAt: field.timestamp(),
    budgetConfirmed: field.boolean({ required: true, default: false }),
    competitors: field.textList({
      required: true,
      default: () => [],
      maxItems: 50,
      maxLength: 100,
    }),
    nextAction: field.text({ maxLength: 500 }),
    nextActionDate: field.date(),
    lostReason: field.text({ maxLength: 500 }),
    description: field.text({ maxLength: 4000 }),
    score: field.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    band: field.text({ maxLength: 64 }),
    priority: field.integer({ min: 0, max: 1000 }),
    scoreExplanation: field.jsonOf<ScoreExplanation>()(),
    scoredAt: field.timestamp(),
    externalId: field.text({ maxLength: 200, unique: true }),
  },
  indexes: [
    { fields: ['status', 'stage'] },
    // Covers the stage report (count and amount per stage): it never reads the table.
    { fields: ['pipelineId', 'stage'], include: ['amount'] },
    { fields: ['status', 'priority'] },
    { fields: ['ownerId', 'status'] },
    { fields: ['territoryId', 'status'] },
    // Won and lost deals by close date: the won-by-period reports, team KPIs and the deal-won
    // commission credit read a period's deals per owner from the index alone.
    { fields: ['status', 'closeDate'], include: ['ownerId', 'amount'] },
  ],
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});

/** An opportunity (or lead) as stored. */
export type Opportunity = InferRecord<typeof opportunity>;

/** Fields only the pipeline services write. */
export const DERIVED_OPPORTUNITY_FIELDS = [
  'stage',
  'status',
  'primaryProductId',
  'productIds',
  'closeDate',
  'closedAt',
  'cycleDays',
  'stageEnteredAt',
  'score',
  'band',
  'priority',
  'scoreExplanation',
  'scoredAt',
  'amountSource',
  'lostReason',
] as const;
