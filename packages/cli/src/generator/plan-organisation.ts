import type { DemoProfile, DemoRegion } from './demo-profile.js';
import { type DateOf, isoDate } from './plan-parts.js';
import { ENGLISH_PROFILE } from './profile-en.js';
import type { Random } from './random.js';

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

/**
 * How many selling reps a tenant of `companies` companies has: about 30 accounts each, and at
 * least one per area of `territories` (the English tree unless told).
 */
export function repCount(
  companies: number,
  territories: readonly DemoRegion[] = ENGLISH_PROFILE.territories,
): number {
  const areas = territories.reduce((sum, region) => sum + region.areas.length, 0);
  return Math.min(3000, Math.max(areas, Math.round(companies / 30)));
}

/**
 * Plans the organisation: a head of sales, a manager per region (and one more per eight reps),
 * selling reps spread over the areas, teams, and the territory tree (regions led by their
 * manager, areas by their most senior rep). Deterministic for a given random stream. Names,
 * titles and territories come from `profile` (English unless told).
 */
export function planOrganisation(
  random: Random,
  companies: number,
  now: Date,
  profile: DemoProfile = ENGLISH_PROFILE,
  dateOf: DateOf = isoDate,
): OrganisationPlan {
  const usedNames = new Set<string>();
  const usedSlugs = new Set<string>();
  let serial = 0;
  // A name and its ASCII slug (for the user id and e-mail), both unique in the tenant.
  const person = (stream: Random) => {
    for (let attempt = 0; ; attempt++) {
      const drawn = profile.person(stream);
      const name = drawn.fullName;
      const slug = `${drawn.ascii.first}-${drawn.ascii.last}`;
      const taken = usedNames.has(name) || usedSlugs.has(slug);
      if (!taken || attempt > 20) {
        const number = taken ? ++serial : 0;
        const unique = {
          name: taken ? `${name} ${number}` : name,
          slug: taken ? `${slug}-${number}` : slug,
        };
        usedNames.add(unique.name);
        usedSlugs.add(unique.slug);
        return unique;
      }
    }
  };
  const day = 86_400_000;
  const hired = (stream: Random, minYears: number, maxYears: number) =>
    dateOf(
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
    const { name, slug } = person(stream);
    const userId = `u-${slug}`;
    const base = seniority === 'junior' ? 0.35 : seniority === 'senior' ? 0.55 : 0.6;
    return {
      key,
      userId,
      name,
      email: `${slug.replace(/-/g, '.')}@sellkit-demo.example`,
      title: title ?? profile.repTitles[seniority],
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
  const head = makeRep(
    'head',
    'lead',
    null,
    null,
    null,
    random.fork('head'),
    profile.repTitles.head,
  );
  reps.push(head);
  const territories: PlannedTerritory[] = [];
  const teams: PlannedTeam[] = [];
  const areas: PlannedArea[] = [];
  const allAreas = profile.territories.flatMap((region) =>
    region.areas.map((area) => ({ region, area })),
  );
  const sellers = repCount(companies, profile.territories);
  // Selling reps per area, spread evenly (the first areas get the remainder).
  const perArea = allAreas.map(
    (_entry, index) =>
      Math.floor(sellers / allAreas.length) + (index < sellers % allAreas.length ? 1 : 0),
  );
  let areaIndex = 0;
  for (const region of profile.territories) {
    const regionStream = random.fork(`region:${region.code}`);
    const regionManager = makeRep(
      `manager:${region.code}`,
      'lead',
      head.key,
      null,
      region.code,
      regionStream,
      profile.repTitles.regionalDirector(region.name),
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
          profile.repTitles.manager,
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
        name: profile.teamName(region, teamIndex),
        managerKey: manager.key,
        memberKeys: members.map((member) => member.key),
        territoryCode: region.code,
      });
    }
  }
  return { territories, reps, teams, areas };
}
