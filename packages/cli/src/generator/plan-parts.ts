import type { DemoProduct, DemoProfile } from './demo-profile.js';
import type { PlannedContact, PlannedLine } from './plan-types.js';
import type { Random } from './random.js';

export const DAY = 86_400_000;

/** The calendar date (`YYYY-MM-DD`) of an instant, in the tenant's calendar. */
export type DateOf = (time: number) => string;

/** The UTC date of an instant: the calendar of a tenant on UTC, and the plans' default. */
export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Cents as an exact decimal string. */
function cents(value: number): string {
  const whole = Math.floor(value / 100);
  return `${whole}.${String(value % 100).padStart(2, '0')}`;
}

function priceCents(price: string): number {
  const [whole, fraction = '00'] = price.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

const QUANTITY: Readonly<Record<string, readonly [number, number]>> = {
  Edge: [1, 40],
  Rack: [1, 12],
  Storage: [1, 4],
  IoT: [20, 600],
  Services: [1, 30],
};

export function planLines(
  random: Random,
  employees: number,
  products: readonly DemoProduct[],
): PlannedLine[] {
  const count = random.weighted([
    [1, 5],
    [2, 3],
    [3, 1],
  ] as const);
  const drawn = random.sample(
    products.flatMap((product) => Array.from({ length: product.weight }, () => product)),
    count * 3,
  );
  const seen = new Set<string>();
  const lines: PlannedLine[] = [];
  const scale = employees > 1000 ? 3 : employees > 250 ? 2 : 1;
  for (const product of drawn) {
    if (lines.length >= count || seen.has(product.sku)) continue;
    seen.add(product.sku);
    const [min, max] = QUANTITY[product.series] ?? [1, 10];
    const quantity = Math.max(
      min,
      Math.round(random.int(min, max) * scale * (0.5 + random.next())),
    );
    const discount = random.weighted([
      [0, 4],
      [5, 3],
      [10, 2],
      [15, 1],
    ] as const);
    const unit = Math.round((priceCents(product.price) * (100 - discount)) / 100);
    lines.push({ sku: product.sku, quantity, unitPrice: cents(unit) });
  }
  return lines;
}

export function employeesFor(random: Random): number {
  // Log-normal: most companies are small, a few are very large.
  return Math.max(3, Math.min(120_000, Math.round(Math.exp(random.normal(4.6, 1.5)))));
}

export function contactFor(
  random: Random,
  key: string,
  domain: string,
  knownAt: number,
  profile: DemoProfile,
  dateOf: DateOf = isoDate,
): PlannedContact {
  const person = profile.person(random);
  // Dates the CRM could know when the contact was entered: never in its future.
  const born = knownAt - random.int(24 * 365, 62 * 365) * DAY;
  const joined = knownAt - random.int(30, 15 * 365) * DAY;
  return {
    key,
    firstName: person.firstName,
    lastName: person.lastName,
    title: random.pick(profile.jobTitles),
    email: `${person.ascii.first}.${person.ascii.last}@${domain}`,
    phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
    birthday: random.chance(0.85) ? dateOf(born) : null,
    workAnniversary: random.chance(0.6) ? dateOf(joined) : null,
    preferredChannel: random.weighted([
      ['email', 5],
      ['phone', 3],
      ['meeting', 2],
    ] as const),
  };
}
