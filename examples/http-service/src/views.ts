import type { z } from '@hono/zod-openapi';
import type { Money } from '@sellkit/core';
import type { Company, Contact } from '@sellkit/customers';
import type { Opportunity, StageReportRow, WeightedPipeline } from '@sellkit/pipeline';
import type {
  CompanySchema,
  ContactSchema,
  MoneySchema,
  OpportunitySchema,
  PipelineReportSchema,
} from './schemas.js';

// Records as the API shows them: the fields its OpenAPI document promises, money as
// `{ amount, currency }` strings, timestamps as ISO strings.

type MoneyView = z.infer<typeof MoneySchema>;

function moneyView(money: Money): MoneyView {
  return { amount: money.toString(), currency: money.currency };
}

/** A company in a response. */
export function companyView(company: Company): z.infer<typeof CompanySchema> {
  return {
    id: company.id,
    version: company.version,
    name: company.name,
    industry: company.industry ?? null,
    employees: company.employees ?? null,
    sizeClass: company.sizeClass ?? null,
    lifecycleStage: company.lifecycleStage,
    ownerId: company.ownerId ?? null,
    externalId: company.externalId ?? null,
    createdAt: company.createdAt.toISOString(),
    updatedAt: company.updatedAt.toISOString(),
  };
}

/** A contact in a response. */
export function contactView(contact: Contact): z.infer<typeof ContactSchema> {
  return {
    id: contact.id,
    version: contact.version,
    firstName: contact.firstName ?? null,
    lastName: contact.lastName,
    title: contact.title ?? null,
    companyId: contact.companyId ?? null,
    emails: [...contact.emails],
    ownerId: contact.ownerId ?? null,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}

/** An opportunity in a response. */
export function opportunityView(deal: Opportunity): z.infer<typeof OpportunitySchema> {
  return {
    id: deal.id,
    version: deal.version,
    title: deal.title,
    companyId: deal.companyId ?? null,
    contactId: deal.contactId ?? null,
    pipelineId: deal.pipelineId,
    stage: deal.stage,
    status: deal.status,
    probability: deal.probability,
    amount: deal.amount ? moneyView(deal.amount) : null,
    expectedCloseDate: deal.expectedCloseDate ?? null,
    closeDate: deal.closeDate ?? null,
    lostReason: deal.lostReason ?? null,
    ownerId: deal.ownerId ?? null,
    score: deal.score ?? null,
    band: deal.band ?? null,
    priority: deal.priority ?? null,
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
  };
}

/** The stage report joined with the weighted pipeline. */
export function pipelineReportView(
  stages: readonly StageReportRow[],
  weighted: WeightedPipeline,
): z.infer<typeof PipelineReportSchema> {
  const weightedByStage = new Map(weighted.stages.map((row) => [row.stage, row.weighted]));
  return {
    stages: stages.map((row) => ({
      stage: row.stage,
      name: row.name,
      kind: row.kind,
      probability: row.probability,
      count: row.count,
      amounts: row.amounts.map(moneyView),
      weighted: (weightedByStage.get(row.stage) ?? []).map(moneyView),
    })),
    weightedTotal: weighted.total.map(moneyView),
  };
}
