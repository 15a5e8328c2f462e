import type { InteractionKind } from './plan-types.js';
import type { Random } from './random.js';

/** A region of the territory tree: areas, each with its countries and cities. */
export interface DemoRegion {
  readonly code: string;
  readonly name: string;
  readonly areas: readonly {
    readonly code: string;
    readonly name: string;
    readonly countries: readonly (readonly [string, readonly string[]])[];
  }[];
}

/** A product of the demo catalog, priced in the profile's currency. */
export interface DemoProduct {
  readonly sku: string;
  readonly name: string;
  readonly series: string;
  /** List price, exact, in {@link DemoProfile.currency}. */
  readonly price: string;
  /** How often it is sold, relative to the others. */
  readonly weight: number;
}

/** A person the profile invented: given and family name, and how they read in an address. */
export interface DemoPerson {
  readonly firstName: string;
  readonly lastName: string;
  /** The full name as the language writes it (`Ada Bauer`, `张伟`). */
  readonly fullName: string;
  /**
   * Both names as lower-case ASCII slugs, for e-mail addresses and user ids
   * (`{ first: 'ada', last: 'van-dijk' }`, `{ first: 'wei', last: 'zhang' }`).
   */
  readonly ascii: { readonly first: string; readonly last: string };
}

/** A company name the profile invented. */
export interface DemoCompanyName {
  readonly name: string;
  readonly legalName: string;
  /** Lower-case ASCII, dash-separated, for its web domain (`blue-peak-works`, `huaxin-keji`). */
  readonly domainStem: string;
}

/**
 * What makes a demo tenant English or Chinese: its currency, time zone, territories, catalog,
 * and how it names people, companies, deals and tasks. Everything else (how companies,
 * deals and their year are planned, and the random draws that decide them) is the same.
 */
export interface DemoProfile {
  /** The locale the tenant is written for (`en-US`, `zh-CN`). */
  readonly locale: string;
  /** The currency of the catalog, the prices and the companies' revenue. */
  readonly currency: string;
  /**
   * The tenant's IANA time zone (`Asia/Shanghai` for the Chinese tenant): `sellkit demo` stores
   * it as the tenant's remembered zone (unless `--time-zone` says otherwise), and every command
   * hands it to the kernel's `tenantSettings`.
   */
  readonly timeZone: string;
  readonly territories: readonly DemoRegion[];
  readonly products: readonly DemoProduct[];
  /**
   * The deal sizes the tenant's priority rules call large and mid-size, in
   * {@link DemoProfile.currency}. Absent: the pipeline module's default rules (USD) stand.
   */
  readonly dealSizes?: { readonly large: string; readonly medium: string };
  /** Annual revenue per employee, a range in {@link DemoProfile.currency}. */
  readonly revenuePerEmployee: readonly [number, number];
  readonly jobTitles: readonly string[];
  readonly repTitles: {
    readonly junior: string;
    readonly senior: string;
    readonly lead: string;
    readonly head: string;
    readonly manager: string;
    readonly regionalDirector: (regionName: string) => string;
  };
  /** A team's name: the region's first team (`index` 0) and the others. */
  teamName(region: DemoRegion, index: number): string;
  readonly interactionSubjects: Readonly<Record<InteractionKind, readonly string[]>>;
  /** Follow-ups a rep plans on an open deal. */
  readonly taskTitles: readonly string[];
  readonly competitors: readonly string[];
  /** Draws a person (given name first, then family name). */
  person(random: Random): DemoPerson;
  /** Draws a company's name for an industry (by its code) in a place. */
  companyName(
    random: Random,
    industry: string,
    place: { readonly country: string; readonly city: string },
  ): DemoCompanyName;
  /** A deal's title: the company and its one product, or `null` for several products. */
  opportunityTitle(company: string, product: string | null): string;
}
