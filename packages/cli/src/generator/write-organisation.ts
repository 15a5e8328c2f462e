import { catalogHandle } from '@sellkit/catalog';
import { type ModuleScope, Money, SellkitError, type TestClock } from '@sellkit/core';
import { customersHandle } from '@sellkit/customers';
import { teamHandle } from '@sellkit/team';
import type { DemoProfile } from './demo-profile.js';
import type { OrganisationPlan, PlannedRep } from './plan-organisation.js';
import { DEMO_TAGS } from './plan-types.js';
import { ENGLISH_PROFILE } from './profile-en.js';

/** Ids of what the organisation phase created, by plan key. */
export interface OrganisationIds {
  /** Rep key → the rep's record id. */
  readonly repIds: ReadonlyMap<string, string>;
  /** Rep key → the rep's user id (what owner fields hold). */
  readonly userIds: ReadonlyMap<string, string>;
  /** Territory code → territory id. */
  readonly territoryIds: ReadonlyMap<string, string>;
  /** SKU → product id. */
  readonly productIds: ReadonlyMap<string, string>;
}

/** Creates reps in an order where every manager exists before their reports. */
function managersFirst(reps: readonly PlannedRep[]): PlannedRep[] {
  const done = new Set<string>();
  const ordered: PlannedRep[] = [];
  let pending = [...reps];
  while (pending.length > 0) {
    const ready = pending.filter((rep) => rep.reportsToKey === null || done.has(rep.reportsToKey));
    if (ready.length === 0) {
      throw new SellkitError('CONFIGURATION_INVALID', 'the planned reports-to tree has a cycle');
    }
    for (const rep of ready) {
      ordered.push(rep);
      done.add(rep.key);
    }
    pending = pending.filter((rep) => !done.has(rep.key));
  }
  return ordered;
}

/**
 * Writes the organisation through the team, catalog and customers services: territories,
 * reps (managers first), their territory assignments from the day they started, teams and
 * memberships, the product catalog (the profile's, in its currency) and the tenant's tags.
 * Runs in the caller's transaction.
 */
export async function writeOrganisation(
  scope: ModuleScope,
  clock: TestClock,
  plan: OrganisationPlan,
  startedAt: number,
  profile: DemoProfile = ENGLISH_PROFILE,
): Promise<OrganisationIds> {
  const team = scope.use(teamHandle);
  const catalog = scope.use(catalogHandle);
  const customers = scope.use(customersHandle);
  clock.set(new Date(startedAt));
  const start = (await scope.calendar()).dateOf(new Date(startedAt));

  const repIds = new Map<string, string>();
  const userIds = new Map<string, string>();
  for (const rep of managersFirst(plan.reps)) {
    const created = await team.reps.create({
      userId: rep.userId,
      name: rep.name,
      email: rep.email,
      title: rep.title,
      hireDate: rep.hireDate,
      seniority: rep.seniority,
      skills: [...rep.skills],
      externalId: rep.key,
      ...(rep.reportsToKey ? { reportsToId: repIds.get(rep.reportsToKey)! } : {}),
    });
    repIds.set(rep.key, created.id);
    userIds.set(rep.key, rep.userId);
  }

  const territoryIds = new Map<string, string>();
  for (const territory of plan.territories) {
    const created = await team.territories.create({
      name: territory.name,
      code: territory.code,
      ...(territory.parentCode ? { parentId: territoryIds.get(territory.parentCode)! } : {}),
      ...(territory.leadKey ? { leadRepId: repIds.get(territory.leadKey)! } : {}),
    });
    territoryIds.set(territory.code, created.id);
  }

  for (const rep of plan.reps) {
    const code = rep.areaCode ?? rep.regionCode;
    if (!code) continue;
    await team.territories.assign({
      repId: repIds.get(rep.key)!,
      territoryId: territoryIds.get(code)!,
      // ISO dates compare as text: the later of hire date and the start of the demo.
      validFrom: [rep.hireDate, start].sort()[1]!,
    });
  }

  for (const planned of plan.teams) {
    const created = await team.teams.create({
      name: planned.name,
      managerRepId: repIds.get(planned.managerKey)!,
      territoryId: territoryIds.get(planned.territoryCode)!,
      externalId: planned.key,
    });
    for (const member of planned.memberKeys) {
      await team.teams.addMember(created.id, repIds.get(member)!, { from: start });
    }
  }

  const productIds = new Map<string, string>();
  for (const product of profile.products) {
    const created = await catalog.products.create({
      sku: product.sku,
      name: product.name,
      series: product.series,
      category: product.series === 'Services' ? 'services' : 'hardware',
      unit: product.series === 'Services' ? 'service' : 'unit',
      listPrice: Money.of(product.price, profile.currency),
    });
    productIds.set(product.sku, created.id);
  }

  for (const name of DEMO_TAGS) await customers.tags.create({ name });
  return { repIds, userIds, territoryIds, productIds };
}
