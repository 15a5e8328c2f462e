import type { DemoProfile } from './demo-profile.js';
import { slug } from './plan-parts.js';
import {
  COMPANY_STEMS,
  COMPETITORS,
  FIRST_NAMES,
  INDUSTRIES,
  INTERACTION_SUBJECTS,
  JOB_TITLES,
  LAST_NAMES,
  LEGAL_SUFFIXES,
  PRODUCTS,
  REP_TITLES,
  TERRITORY_TREE,
} from './vocabulary.js';

/**
 * The English demo tenant (the default): USD, regions in Europe, the Americas and Asia
 * Pacific, invented international names. Its draws are the ones `sellkit demo` has always
 * made, so the same seed gives the same tenant as before profiles existed.
 */
export const ENGLISH_PROFILE: DemoProfile = {
  locale: 'en-US',
  currency: 'USD',
  timeZone: 'UTC',
  territories: TERRITORY_TREE,
  products: PRODUCTS,
  revenuePerEmployee: [60_000, 260_000],
  jobTitles: JOB_TITLES,
  repTitles: {
    ...REP_TITLES,
    head: 'Head of Sales',
    manager: 'Sales Manager',
    regionalDirector: (region) => `Regional Sales Director, ${region}`,
  },
  teamName: (region, index) => `${region.code} ${index === 0 ? 'Core' : `Team ${index + 1}`}`,
  interactionSubjects: INTERACTION_SUBJECTS,
  taskTitles: [
    'Send updated quote',
    'Schedule technical demo',
    'Check budget approval',
    'Share case study',
  ],
  competitors: COMPETITORS,
  person(random) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    return {
      firstName,
      lastName,
      fullName: `${firstName} ${lastName}`,
      ascii: { first: slug(firstName), last: slug(lastName) },
    };
  },
  companyName(random, industry, place) {
    const stem = random.pick(COMPANY_STEMS);
    const nouns = INDUSTRIES.find((entry) => entry.name === industry)?.nouns ?? ['Group'];
    const noun = random.pick(nouns);
    // Names repeat now and then across a large tenant, as in real CRMs; the city tells them apart.
    const name = random.chance(0.3) ? `${stem} ${noun} ${place.city}` : `${stem} ${noun}`;
    const suffix = random.pick(LEGAL_SUFFIXES[place.country] ?? ['Ltd']);
    return { name, legalName: `${name} ${suffix}`, domainStem: slug(name) };
  },
  opportunityTitle: (company, product) => `${company}: ${product ?? 'hardware and services'}`,
};
