import type { DemoProfile } from './demo-profile.js';
import type { OrganisationPlan, PlannedArea, PlannedRep } from './plan-organisation.js';
import { contactFor, DAY, type DateOf, employeesFor, isoDate, planLines } from './plan-parts.js';
import type {
  CompanyEvent,
  InteractionKind,
  PlannedCompany,
  PlannedContact,
  PlannedOpportunity,
} from './plan-types.js';
import { ENGLISH_PROFILE } from './profile-en.js';
import type { Random } from './random.js';
import { INDUSTRIES, LEAD_SOURCES, LOST_REASONS } from './vocabulary.js';

/**
 * Plans company number `index`: its attributes, contacts, a year of interactions, and its
 * opportunities moving through the stages (won, lost or still open at `now`), with playbook
 * tasks done or left open. Everything comes from `random` (the company's own stream), so the
 * plan of one company does not depend on how many others there are. Names, catalog and
 * currency come from `profile` (English unless told).
 */
export function planCompany(
  random: Random,
  index: number,
  organisation: OrganisationPlan,
  repsByKey: ReadonlyMap<string, PlannedRep>,
  now: Date,
  profile: DemoProfile = ENGLISH_PROFILE,
  dateOf: DateOf = isoDate,
): PlannedCompany {
  const end = now.getTime();
  const yearAgo = end - 365 * DAY;
  const area: PlannedArea = random.pick(organisation.areas);
  const place = random.pick(area.places);
  const industry = random.weighted(INDUSTRIES.map((entry) => [entry, entry.weight] as const));
  const { name, legalName, domainStem } = profile.companyName(random, industry.name, place);
  const domain = `${domainStem}-${index}.example`;
  const employees = employeesFor(random);
  const revenuePerEmployee = random.int(...profile.revenuePerEmployee);
  const ownerKey = random.pick(area.repKeys);
  const owner = repsByKey.get(ownerKey)!;

  const events: CompanyEvent[] = [];
  const contactCount = Math.min(8, 1 + random.int(0, 2) + (employees > 250 ? random.int(1, 3) : 0));
  const contacts: PlannedContact[] = [];
  const createdAt = yearAgo - random.int(0, 60) * DAY + random.int(8, 17) * 3_600_000;
  for (let contactIndex = 0; contactIndex < contactCount; contactIndex++) {
    const contact = contactFor(random, `c${contactIndex}`, domain, createdAt, profile, dateOf);
    contacts.push(contact);
    events.push({ type: 'contact', at: createdAt + (contactIndex + 1) * 60_000, contact });
  }
  const anyContact = () => (contacts.length > 0 ? random.pick(contacts).key : null);
  const engagement = random.next();
  const background = Math.round(2 + engagement * 14);
  const interaction = (at: number, preferred?: InteractionKind) => {
    const kind =
      preferred ??
      random.weighted([
        ['email', 5],
        ['call', 4],
        ['meeting', 2],
        ['visit', 1],
        ['note', 1],
      ] as const);
    events.push({
      type: 'interaction',
      at,
      kind,
      direction: random.chance(0.3) ? 'inbound' : 'outbound',
      subject: random.pick(profile.interactionSubjects[kind]),
      durationMinutes:
        kind === 'call'
          ? random.int(5, 45)
          : kind === 'meeting' || kind === 'visit'
            ? random.int(30, 120)
            : null,
      contactKey: anyContact(),
    });
  };
  for (let count = 0; count < background; count++) {
    interaction(random.int(Math.max(createdAt + 3_600_000, yearAgo), end - 3_600_000));
  }

  const opportunityCount = random.weighted([
    [0, 2],
    [1, 4],
    [2, 3],
    [3, 1],
    [4, employees > 250 ? 1 : 0],
  ] as const);
  let won = 0;
  let open = 0;
  for (let oppIndex = 0; oppIndex < opportunityCount; oppIndex++) {
    const key = `o${oppIndex}`;
    const lines = planLines(random, employees, profile.products);
    // Recent months hold more deals than old ones (the pipeline grows), so a fair share is
    // still open at `now`.
    const first = Math.max(createdAt + DAY, yearAgo);
    const engagedAt = Math.round(end - 2 * DAY - (end - 2 * DAY - first) * random.next() ** 1.4);
    const budgetConfirmed = random.chance(0.45);
    const competitors = random.chance(0.35)
      ? random.sample(profile.competitors, random.int(1, 2))
      : [];
    const opportunity: PlannedOpportunity = {
      key,
      title: profile.opportunityTitle(
        name,
        lines.length > 1
          ? null
          : profile.products.find((product) => product.sku === lines[0]!.sku)!.name,
      ),
      source: random.weighted(LEAD_SOURCES),
      contactKey: anyContact(),
      lines,
      budgetConfirmed,
      competitors,
      expectedCloseDate: dateOf(engagedAt + random.int(30, 120) * DAY),
    };
    events.push({ type: 'open', at: engagedAt, opportunity });
    // Odds of passing each gate grow with the rep's skill, a confirmed budget and no competitor.
    const edge =
      owner.skill +
      (budgetConfirmed ? 0.12 : -0.05) -
      competitors.length * 0.06 +
      (random.next() - 0.5) * 0.1;
    const pass = Math.min(0.95, Math.max(0.3, 0.55 + edge * 0.5));
    let at = engagedAt;
    let outcome: 'open' | 'won' | 'lost' = 'open';
    const stages = ['qualification', 'proposal', 'negotiation'] as const;
    for (const stage of stages) {
      at += random.int(5, stage === 'negotiation' ? 30 : 40) * DAY + random.int(0, 8) * 3_600_000;
      if (at >= end) break;
      if (!random.chance(pass)) {
        outcome = 'lost';
        events.push({
          type: 'lost',
          at,
          opportunityKey: key,
          reason: random.weighted(LOST_REASONS),
        });
        break;
      }
      events.push({
        type: 'move',
        at,
        opportunityKey: key,
        stage,
        ...(stage === 'negotiation'
          ? { expectedCloseDate: dateOf(at + random.int(7, 40) * DAY) }
          : {}),
      });
      interaction(at, stage === 'proposal' ? 'email' : 'meeting');
      if (stage === 'proposal') {
        // The playbook's feedback call: usually done within a few days, sometimes forgotten.
        const doneAt = at + random.int(1, 5) * DAY;
        if (doneAt < end && random.chance(0.8)) {
          events.push({ type: 'completeTasks', at: doneAt, opportunityKey: key });
          interaction(doneAt, 'call');
        }
      }
    }
    if (outcome === 'open') {
      const closeAt = at + random.int(5, 35) * DAY;
      if (closeAt < end && at < end) {
        const wins = random.chance(Math.min(0.9, pass + 0.1));
        outcome = wins ? 'won' : 'lost';
        events.push(
          wins
            ? { type: 'won', at: closeAt, opportunityKey: key }
            : {
                type: 'lost',
                at: closeAt,
                opportunityKey: key,
                reason: random.weighted(LOST_REASONS),
              },
        );
      }
    }
    if (outcome === 'won') won += 1;
    if (outcome === 'open') {
      open += 1;
      // A follow-up the rep planned: some are already overdue, some are due soon.
      const taskAt = Math.max(engagedAt + 3_600_000, end - random.int(1, 20) * DAY);
      if (taskAt < end) {
        events.push({
          type: 'task',
          at: taskAt,
          opportunityKey: key,
          title: random.pick(profile.taskTitles),
          dueAt: taskAt + random.int(2, 21) * DAY,
          done: false,
        });
      }
    }
  }
  const lastActivity = Math.max(createdAt, ...events.map((event) => event.at));
  const lifecycleStage =
    won > 0
      ? end - lastActivity > 200 * DAY
        ? 'churned'
        : 'customer'
      : open > 0
        ? 'prospect'
        : 'lead';
  const tags: string[] = [];
  if (employees > 1000 || won > 1) tags.push('key account');
  if (random.chance(0.06)) tags.push('partner');
  if (won > 0 && random.chance(0.2)) tags.push('reference customer');
  if (random.chance(0.3)) tags.push('newsletter');
  if (random.chance(0.1)) tags.push('trade show');
  events.sort((a, b) => a.at - b.at);
  return {
    index,
    name,
    legalName,
    industry: industry.name,
    employees,
    annualRevenue: `${employees * revenuePerEmployee}.00`,
    currency: profile.currency,
    country: place.country,
    city: place.city,
    website: `https://www.${domain}`,
    phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
    foundedYear: random.int(1950, now.getUTCFullYear() - 1),
    areaCode: area.code,
    ownerKey,
    tags,
    lifecycleStage,
    createdAt,
    events,
  };
}
