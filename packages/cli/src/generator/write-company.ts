import { type ModuleScope, Money, type TestClock } from '@sellkit/core';
import { customersHandle } from '@sellkit/customers';
import { pipelineHandle } from '@sellkit/pipeline';
import type { PlannedCompany } from './plan-types.js';
import type { OrganisationIds } from './write-organisation.js';

/** What writing companies created, added up. */
export interface DemoCounts {
  companies: number;
  contacts: number;
  interactions: number;
  opportunities: number;
  won: number;
  lost: number;
  stageMoves: number;
  tasksCompleted: number;
  tasksCreated: number;
}

/** Counts at zero. */
export function emptyCounts(): DemoCounts {
  return {
    companies: 0,
    contacts: 0,
    interactions: 0,
    opportunities: 0,
    won: 0,
    lost: 0,
    stageMoves: 0,
    tasksCompleted: 0,
    tasksCreated: 0,
  };
}

/**
 * Writes one planned company and its year through the services, in time order, with the
 * clock set to each moment: the company, its contacts, interactions, and opportunities
 * created, moved through the stages (the pipeline runs its playbooks and scoring), won or
 * lost, with playbook tasks completed. Runs in the caller's transaction.
 */
export async function writeCompany(
  scope: ModuleScope,
  clock: TestClock,
  plan: PlannedCompany,
  ids: OrganisationIds,
  counts: DemoCounts,
): Promise<void> {
  const customers = scope.use(customersHandle);
  const pipeline = scope.use(pipelineHandle);
  // Business dates (engagement, close) are the tenant's local dates of the planned instants.
  const calendar = await scope.calendar();
  const isoDate = (time: number) => calendar.dateOf(new Date(time));
  const ownerId = ids.userIds.get(plan.ownerKey)!;
  const territoryId = ids.territoryIds.get(plan.areaCode)!;
  clock.set(new Date(plan.createdAt));
  const company = await customers.companies.create({
    name: plan.name,
    legalName: plan.legalName,
    industry: plan.industry,
    employees: plan.employees,
    annualRevenue: Money.of(plan.annualRevenue, plan.currency),
    website: plan.website,
    phone: plan.phone,
    country: plan.country,
    foundedYear: plan.foundedYear,
    addresses: [{ kind: 'headquarters', city: plan.city, country: plan.country }],
    ownerId,
    territoryId,
    lifecycleStage: plan.lifecycleStage,
    tags: [...plan.tags],
    externalId: `demo-company-${plan.index}`,
  });
  counts.companies += 1;
  const contactIds = new Map<string, string>();
  const opportunityIds = new Map<string, string>();
  for (const event of plan.events) {
    clock.set(new Date(event.at));
    switch (event.type) {
      case 'contact': {
        const { contact } = event;
        const created = await customers.contacts.create({
          firstName: contact.firstName,
          lastName: contact.lastName,
          title: contact.title,
          emails: [contact.email],
          phones: [contact.phone],
          preferredChannel: contact.preferredChannel,
          ...(contact.birthday ? { birthday: contact.birthday } : {}),
          ...(contact.workAnniversary ? { workAnniversary: contact.workAnniversary } : {}),
          companyId: company.id,
          ownerId,
        });
        contactIds.set(contact.key, created.id);
        counts.contacts += 1;
        break;
      }
      case 'interaction': {
        const contactId = event.contactKey ? contactIds.get(event.contactKey) : undefined;
        await customers.interactions.log({
          type: event.kind,
          direction: event.direction,
          occurredAt: new Date(event.at),
          subject: event.subject,
          durationMinutes: event.durationMinutes,
          companyId: company.id,
          ...(contactId ? { contactId } : {}),
          repIds: [ownerId],
          ownerId,
        });
        counts.interactions += 1;
        break;
      }
      case 'open': {
        const { opportunity } = event;
        const contactId = opportunity.contactKey
          ? contactIds.get(opportunity.contactKey)
          : undefined;
        const created = await pipeline.opportunities.create({
          title: opportunity.title,
          companyId: company.id,
          ...(contactId ? { contactId } : {}),
          source: opportunity.source,
          ownerId,
          territoryId,
          lines: opportunity.lines.map((line) => ({
            productId: ids.productIds.get(line.sku)!,
            quantity: line.quantity,
            unitPrice: Money.of(line.unitPrice, plan.currency),
          })),
          expectedCloseDate: opportunity.expectedCloseDate,
          engageDate: isoDate(event.at),
          budgetConfirmed: opportunity.budgetConfirmed,
          competitors: [...opportunity.competitors],
          externalId: `demo-${plan.index}-${opportunity.key}`,
        });
        opportunityIds.set(opportunity.key, created.id);
        counts.opportunities += 1;
        break;
      }
      case 'move': {
        await pipeline.opportunities.moveStage(
          opportunityIds.get(event.opportunityKey)!,
          event.stage,
          {
            ...(event.expectedCloseDate
              ? { set: { expectedCloseDate: event.expectedCloseDate } }
              : {}),
          },
        );
        counts.stageMoves += 1;
        break;
      }
      case 'won': {
        await pipeline.opportunities.win(opportunityIds.get(event.opportunityKey)!, {
          closeDate: isoDate(event.at),
        });
        counts.won += 1;
        break;
      }
      case 'lost': {
        await pipeline.opportunities.lose(opportunityIds.get(event.opportunityKey)!, {
          reason: event.reason,
          closeDate: isoDate(event.at),
        });
        counts.lost += 1;
        break;
      }
      case 'completeTasks': {
        const open = await pipeline.tasks.find({
          where: { opportunityId: opportunityIds.get(event.opportunityKey)!, status: 'open' },
          limit: 50,
        });
        for (const task of open.rows) {
          await pipeline.tasks.complete(task.id);
          counts.tasksCompleted += 1;
        }
        break;
      }
      case 'task': {
        await pipeline.tasks.create({
          title: event.title,
          dueAt: new Date(event.dueAt),
          opportunityId: opportunityIds.get(event.opportunityKey)!,
          ownerId,
        });
        counts.tasksCreated += 1;
        break;
      }
    }
  }
}
