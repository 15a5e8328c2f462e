import { describe, expect, it } from 'vitest';
import { personName } from '../reports/names.js';
import { demoProfileFor } from './demo-profiles.js';
import { planCompany } from './plan-company.js';
import { planOrganisation } from './plan-organisation.js';
import { ENGLISH_PROFILE } from './profile-en.js';
import { CHINESE_PROFILE } from './profile-zh-cn.js';
import { createRandom } from './random.js';

const now = new Date('2026-03-15T12:00:00.000Z');

function plan(seed: string, size: number) {
  const random = createRandom(seed);
  const organisation = planOrganisation(random.fork('organisation'), size, now, CHINESE_PROFILE);
  const reps = new Map(organisation.reps.map((rep) => [rep.key, rep]));
  const companies = Array.from({ length: size }, (_unused, index) =>
    planCompany(
      random.fork('companies').fork(index),
      index,
      organisation,
      reps,
      now,
      CHINESE_PROFILE,
    ),
  );
  return { organisation, companies };
}

const HAN = /^\p{Script=Han}+$/u;
const CITIES = new Set(
  CHINESE_PROFILE.territories.flatMap((region) =>
    region.areas.flatMap((area) => area.countries.flatMap(([, cities]) => cities)),
  ),
);

describe('the zh-CN demo profile', () => {
  it('is chosen for zh locales only', () => {
    expect(demoProfileFor('zh-CN')).toBe(CHINESE_PROFILE);
    expect(demoProfileFor('zh-Hans')).toBe(CHINESE_PROFILE);
    expect(demoProfileFor('en-US')).toBe(ENGLISH_PROFILE);
    expect(demoProfileFor('de-DE')).toBe(ENGLISH_PROFILE);
    expect(demoProfileFor(undefined)).toBe(ENGLISH_PROFILE);
    expect(CHINESE_PROFILE.timeZone).toBe('Asia/Shanghai');
  });

  it('plans the same Chinese tenant from the same seed, another from another seed', () => {
    expect(plan('zh', 30)).toEqual(plan('zh', 30));
    expect(plan('zh', 30).companies).not.toEqual(plan('zh-2', 30).companies);
  });

  it('names companies city + trade name + industry + legal form, in CNY and in China', () => {
    const { companies } = plan('zh', 60);
    for (const company of companies) {
      expect(company.currency).toBe('CNY');
      expect(company.country).toBe('CN');
      expect(CITIES.has(company.city)).toBe(true);
      expect(company.name.startsWith(company.city)).toBe(true);
      expect(company.name).toMatch(/^\p{Script=Han}+(有限公司|股份有限公司)$/u);
      expect(company.website).toMatch(/^https:\/\/www\.[a-z]+-[a-z]+-\d+\.example$/);
      expect(company.annualRevenue).toMatch(/^\d+\.00$/);
    }
    expect(companies.some((company) => company.name.endsWith('股份有限公司'))).toBe(true);
    const lines = companies.flatMap((company) =>
      company.events.flatMap((event) => (event.type === 'open' ? event.opportunity.lines : [])),
    );
    expect(lines.length).toBeGreaterThan(0);
    // CNY price levels: the cheapest line is a sensor kit near ¥1,580, the dearest in six figures.
    const prices = lines.map((line) => Number(line.unitPrice));
    expect(Math.min(...prices)).toBeGreaterThan(1000);
    expect(Math.max(...prices)).toBeLessThan(150_000);
  });

  it('names people family name first, without a space, with pinyin e-mail addresses', () => {
    const { organisation, companies } = plan('zh', 60);
    const contacts = companies.flatMap((company) =>
      company.events.flatMap((event) => (event.type === 'contact' ? [event.contact] : [])),
    );
    for (const contact of contacts) {
      expect(contact.firstName).toMatch(HAN);
      expect(contact.lastName).toMatch(HAN);
      expect(personName(contact.firstName, contact.lastName)).toBe(
        `${contact.lastName}${contact.firstName}`,
      );
      expect(contact.email).toMatch(/^[a-z]+\.[a-z]+@[a-z]+-[a-z]+-\d+\.example$/);
    }
    for (const rep of organisation.reps) {
      expect(rep.name).toMatch(/^\p{Script=Han}{2,4}( \d+)?$/u);
      expect(rep.userId).toMatch(/^u-[a-z]+-[a-z]+(-\d+)?$/);
    }
    expect(new Set(organisation.reps.map((rep) => rep.userId)).size).toBe(organisation.reps.length);
    expect(organisation.reps[0]!.title).toBe('销售副总裁');
    expect(organisation.territories.map((territory) => territory.name)).toContain('华东');
  });

  it('leaves the English tenant as it was before profiles, draw for draw', () => {
    const random = createRandom('sellkit-demo');
    const organisation = planOrganisation(random.fork('organisation'), 300, now);
    const reps = new Map(organisation.reps.map((rep) => [rep.key, rep]));
    const company = planCompany(random.fork('companies').fork(0), 0, organisation, reps, now);
    const contact = company.events.find((event) => event.type === 'contact');
    // Values the generator made before the zh-CN profile existed.
    expect([
      organisation.reps[0]!.name,
      organisation.reps[0]!.userId,
      company.legalName,
      company.website,
      company.annualRevenue,
      company.currency,
      contact?.type === 'contact' ? contact.contact.email : null,
    ]).toEqual([
      'Pedro Moreau',
      'u-pedro-moreau',
      'Zephyr Labs Malmo AB',
      'https://www.zephyr-labs-malmo-0.example',
      '26161299.00',
      'USD',
      'valentina.nakamura@zephyr-labs-malmo-0.example',
    ]);
  });

  it('writes English names given name first, as before', () => {
    expect(personName('Ada', 'Bauer')).toBe('Ada Bauer');
    expect(personName('伟', '张')).toBe('张伟');
    expect(personName('Wei', '张')).toBe('Wei 张');
    expect(personName('Ada', null)).toBe('Ada');
  });
});
