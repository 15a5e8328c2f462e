import type { Random } from './random.js';
import { FIRST_NAMES, LAST_NAMES, REP_TITLES, TERRITORY_TREE } from './vocabulary.js';

/** A territory to create; `parentCode` links the tree. */
export interface PlannedTerritory {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  /** The rep (by key) who leads it. */
  readonly leadKey: string | null;
}

/** A rep to create. `skill` (0..1) is hidden: it shapes win rates so leaderboards differ. */
export interface PlannedRep {
  readonly key: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly title: string;
  readonly seniority: 'junior' | 'senior' | 'lead';
  readonly hireDate: string;
  readonly reportsToKey: string | null;
  /** The area a selling rep works (null for managers above areas). */
  readonly areaCode: string | null;
  readonly regionCode: string | null;
  readonly skill: number;
  readonly skills: readonly string[];
}

/** A sales team: a manager and the reps who report to them. */
export interface PlannedTeam {
  readonly key: string;
  readonly name: string;
  readonly managerKey: string;
  readonly memberKeys: readonly string[];
  readonly territoryCode: string;
}

/** An area with its countries and cities, where companies are placed. */
export interface PlannedArea {
  readonly code: string;
  readonly regionCode: string;
  readonly places: readonly { readonly country: string; readonly city: string }[];
  /** Selling reps of the area, by key. */
  readonly repKeys: readonly string[];
}

/** The whole sales organisation of the demo tenant. */
export interface OrganisationPlan {
  readonly territories: readonly PlannedTerritory[];
  readonly reps: readonly PlannedRep[];
  readonly teams: readonly PlannedTeam[];
  readonly areas: readonly PlannedArea[];
}

const SKILLS = ['negotiation', 'hardware', 'services', 'enterprise', 'public sector', 'IoT'];

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** How many selling reps a tenant of `companies` companies has: about 30 accounts each. */
export function repCount(companies: number): number {
  const areas = TERRITORY_TREE.reduce((sum, region) => sum + region.areas.length, 0);
  return Math.min(3000, Math.max(areas, Math.round(companies / 30)));
}

/**
 * Plans the organisation: a head of sales, a manager per region (and one more per eight reps),
 * selling reps spread over the areas, teams, and the territory tree (regions led by their
 * manager, areas by their most senior rep). Deterministic for a given random stream.
 */
export function planOrganisation(random: Random, companies: number, now: Date): OrganisationPlan {
  const usedNames = new Set<string>();
  let serial = 0;
  const person = (stream: Random) => {
    for (let attempt = 0; ; attempt++) {
      const name = `${stream.pick(FIRST_NAMES)} ${stream.pick(LAST_NAMES)}`;
      if (!usedNames.has(name) || attempt > 20) {
        const unique = usedNames.has(name) ? `${name} ${++serial}` : name;
        usedNames.add(unique);
        return unique;
      }
    }
  };
  const day = 86_400_000;
  const hired = (stream: Random, minYears: number, maxYears: number) =>
    isoDate(
      now.getTime() - stream.int(Math.round(minYears * 365), Math.round(maxYears * 365)) * day,
    );
  const makeRep = (
    key: string,
    seniority: PlannedRep['seniority'],
    reportsToKey: string | null,
    areaCode: string | null,
    regionCode: string | null,
    stream: Random,
    title?: string,
  ): PlannedRep => {
    const name = person(stream);
    const userId = `u-${slug(name)}`;
    const base = seniority === 'junior' ? 0.35 : seniority === 'senior' ? 0.55 : 0.6;
    return {
      key,
      userId,
      name,
      email: `${slug(name).replace(/-/g, '.')}@sellkit-demo.example`,
      title: title ?? REP_TITLES[seniority],
      seniority,
      hireDate: seniority === 'junior' ? hired(stream, 1.1, 3) : hired(stream, 2, 12),
      reportsToKey,
      areaCode,
      regionCode,
      skill: Math.min(0.95, Math.max(0.1, base + stream.normal(0, 0.12))),
      skills: stream.sample(SKILLS, stream.int(1, 3)),
    };
  };

  const reps: PlannedRep[] = [];
  const head = makeRep('head', 'lead', null, null, null, random.fork('head'), 'Head of Sales');
  reps.push(head);
  const territories: PlannedTerritory[] = [];
  const teams: PlannedTeam[] = [];
  const areas: PlannedArea[] = [];
  const allAreas = TERRITORY_TREE.flatMap((region) =>
    region.areas.map((area) => ({ region, area })),
  );
  const sellers = repCount(companies);
  // Selling reps per area, spread evenly (the first areas get the remainder).
  const perArea = allAreas.map(
    (_entry, index) =>
      Math.floor(sellers / allAreas.length) + (index < sellers % allAreas.length ? 1 : 0),
  );
  let areaIndex = 0;
  for (const region of TERRITORY_TREE) {
    const regionStream = random.fork(`region:${region.code}`);
    const regionManager = makeRep(
      `manager:${region.code}`,
      'lead',
      head.key,
      null,
      region.code,
      regionStream,
      `Regional Sales Director, ${region.name}`,
    );
    reps.push(regionManager);
    territories.push({
      code: region.code,
      name: region.name,
      parentCode: null,
      leadKey: regionManager.key,
    });
    const regionSellers: PlannedRep[] = [];
    for (const area of region.areas) {
      const count = perArea[areaIndex++]!;
      const areaStream = random.fork(`area:${area.code}`);
      const keys: string[] = [];
      for (let index = 0; index < count; index++) {
        const seniority = areaStream.chance(0.4) ? 'junior' : 'senior';
        const seller = makeRep(
          `rep:${area.code}:${index}`,
          seniority,
          regionManager.key,
          area.code,
          region.code,
          areaStream.fork(index),
        );
        reps.push(seller);
        regionSellers.push(seller);
        keys.push(seller.key);
      }
      const lead =
        keys
          .map((key) => reps.find((candidate) => candidate.key === key)!)
          .find((candidate) => candidate.seniority === 'senior') ?? null;
      territories.push({
        code: area.code,
        name: area.name,
        parentCode: region.code,
        leadKey: lead?.key ?? regionManager.key,
      });
      areas.push({
        code: area.code,
        regionCode: region.code,
        places: area.countries.flatMap(([country, cities]) =>
          cities.map((city) => ({ country, city })),
        ),
        repKeys: keys,
      });
    }
    // Teams of about eight: the region's director manages the first, first-line managers the rest.
    const teamCount = Math.max(1, Math.ceil(regionSellers.length / 8));
    for (let teamIndex = 0; teamIndex < teamCount; teamIndex++) {
      const members = regionSellers.filter((_seller, index) => index % teamCount === teamIndex);
      let manager = regionManager;
      if (teamIndex > 0) {
        manager = makeRep(
          `manager:${region.code}:${teamIndex}`,
          'lead',
          regionManager.key,
          null,
          region.code,
          regionStream.fork(`team:${teamIndex}`),
          'Sales Manager',
        );
        reps.push(manager);
        // Members of a first-line team report to its manager.
        for (const member of members) {
          const at = reps.indexOf(member);
          reps[at] = { ...member, reportsToKey: manager.key };
        }
      }
      teams.push({
        key: `team:${region.code}:${teamIndex}`,
        name: `${region.code} ${teamIndex === 0 ? 'Core' : `Team ${teamIndex + 1}`}`,
        managerKey: manager.key,
        memberKeys: members.map((member) => member.key),
        territoryCode: region.code,
      });
    }
  }
  return { territories, reps, teams, areas };
}
