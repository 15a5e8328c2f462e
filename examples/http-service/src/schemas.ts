import { z } from '@hono/zod-openapi';

// Request and response shapes of the service. Requests are checked here first (422 with issue
// paths); Sellkit validates again and its VALIDATION_FAILED issues come back the same way.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const id = z.string().min(1).max(64);
const isoDate = z.string().regex(DATE, 'must be a date YYYY-MM-DD');
const expectedVersion = z
  .number()
  .int()
  .min(1)
  .optional()
  .openapi({ description: 'The version you read; a stale one is 409 CONFLICT' });

const money = z.object({
  amount: z.string().regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'must be a decimal string'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
});

export const MoneySchema = money.openapi('Money', {
  example: { amount: '12500.00', currency: 'EUR' },
});

export const IssueSchema = z.object({ path: z.string(), message: z.string(), reason: z.string() });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NOT_FOUND' }),
      message: z.string(),
      issues: z.array(IssueSchema).optional(),
    }),
  })
  .openapi('Error');

export const IdParams = z.object({
  id: id.openapi({ param: { name: 'id', in: 'path' }, example: 'com_01m8xpfvtsz53e1wmqeq4qk11b' }),
});

const paging = {
  limit: z.coerce.number().int().min(1).max(200).optional(),
  after: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
};

// --- customers -------------------------------------------------------------------------------

const lifecycleStage = z.enum(['lead', 'prospect', 'customer', 'churned']);
const companyFields = {
  legalName: z.string().max(300).optional(),
  industry: z.string().max(100).optional(),
  employees: z.number().int().min(0).optional(),
  website: z.string().max(500).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(40).optional(),
  country: z.string().max(100).optional(),
  lifecycleStage: lifecycleStage.optional(),
  externalId: z.string().max(200).optional(),
};

export const CompanyCreateSchema = z
  .object({ name: z.string().min(1).max(200), ...companyFields })
  .openapi('CompanyCreate');

export const CompanyPatchSchema = z
  .object({ ...companyFields, expectedVersion })
  .openapi('CompanyPatch');

export const CompanySchema = z
  .object({
    id: z.string(),
    version: z.number(),
    name: z.string(),
    industry: z.string().nullable(),
    employees: z.number().nullable(),
    sizeClass: z.string().nullable(),
    lifecycleStage: z.string(),
    ownerId: z.string().nullable(),
    externalId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Company');

export const CompanyQuerySchema = z.object({ industry: z.string().max(100).optional(), ...paging });

export const ContactCreateSchema = z
  .object({
    firstName: z.string().max(100).optional(),
    lastName: z.string().min(1).max(100),
    title: z.string().max(200).optional(),
    companyId: id.optional(),
    emails: z.array(z.string().max(254)).max(10).optional(),
    phones: z.array(z.string().max(40)).max(10).optional(),
  })
  .openapi('ContactCreate');

export const ContactSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    firstName: z.string().nullable(),
    lastName: z.string(),
    title: z.string().nullable(),
    companyId: z.string().nullable(),
    emails: z.array(z.string()),
    ownerId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Contact');

export const ContactQuerySchema = z.object({ companyId: id.optional(), ...paging });

// --- pipeline --------------------------------------------------------------------------------

export const OpportunityCreateSchema = z
  .object({
    title: z.string().min(1).max(200),
    companyId: id.optional(),
    contactId: id.optional(),
    source: z.string().max(100).optional(),
    amount: MoneySchema.optional(),
    expectedCloseDate: isoDate.optional(),
    engageDate: isoDate.optional(),
    budgetConfirmed: z.boolean().optional(),
    competitors: z.array(z.string().min(1).max(100)).max(50).optional(),
    stage: z.string().max(64).optional(),
  })
  .openapi('OpportunityCreate');

export const OpportunitySchema = z
  .object({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    companyId: z.string().nullable(),
    contactId: z.string().nullable(),
    pipelineId: z.string(),
    stage: z.string(),
    status: z.enum(['open', 'won', 'lost']),
    probability: z.number(),
    amount: money.nullable().openapi({ description: 'Money, or null without an amount' }),
    expectedCloseDate: z.string().nullable(),
    closeDate: z.string().nullable(),
    lostReason: z.string().nullable(),
    ownerId: z.string().nullable(),
    score: z.number().nullable(),
    band: z.string().nullable(),
    priority: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Opportunity');

export const OpportunityQuerySchema = z.object({
  status: z.enum(['open', 'won', 'lost']).optional(),
  stage: z.string().max(64).optional(),
  companyId: id.optional(),
  ownerId: z.string().max(128).optional(),
  ...paging,
});

export const MoveStageSchema = z
  .object({
    stage: z.string().min(1).max(64),
    amount: MoneySchema.optional().openapi({
      description: 'Set with the move (Proposal needs one)',
    }),
    expectedCloseDate: isoDate.optional(),
    expectedVersion,
  })
  .openapi('MoveStage');

export const WinSchema = z
  .object({ closeDate: isoDate.optional(), amount: MoneySchema.optional(), expectedVersion })
  .openapi('Win');

export const LoseSchema = z
  .object({ reason: z.string().min(1).max(500), closeDate: isoDate.optional(), expectedVersion })
  .openapi('Lose');

export const ReportQuerySchema = z.object({ pipeline: z.string().max(64).optional() });

export const PipelineReportSchema = z
  .object({
    stages: z.array(
      z.object({
        stage: z.string(),
        name: z.string(),
        kind: z.string(),
        probability: z.number(),
        count: z.number(),
        amounts: z.array(MoneySchema),
        weighted: z.array(MoneySchema),
      }),
    ),
    weightedTotal: z.array(MoneySchema),
  })
  .openapi('PipelineReport');

/** A page of rows. */
export function pageOf<T extends z.ZodType>(row: T, name: string) {
  return z.object({ rows: z.array(row), nextCursor: z.string().nullable() }).openapi(name);
}
