import { reachWhere, validationError, type Where } from '@sellkit/core';
import type { Company } from '../companies/company-model.js';
import { updateCompany } from '../companies/company-service.js';
import { type CustomersContext, models, within } from '../shared/context.js';
import { countryCode } from '../shared/country.js';
import { defaultCountry, withTenantCountry } from '../shared/default-country.js';
import { parsePhone } from '../shared/phone-number.js';
import type { Contact } from './contact-model.js';
import { parsePhones } from './contact-phones.js';
import { updateContact } from './contact-service.js';

/** Options of `reparsePhones()`. */
export interface ReparsePhonesOptions {
  /** The country national numbers are read in (before the tenant's and the module's). */
  readonly defaultCountry?: string;
  /**
   * Read every contact's numbers again from the text as entered (after a change of default
   * country or of the phone metadata), not only those stored before phones were parsed.
   */
  readonly all?: boolean;
  /** Records per transaction (default 500). */
  readonly batchSize?: number;
  /** Called after every batch. */
  readonly onProgress?: (progress: ReparsePhonesReport) => void;
}

/** A stored number that still does not read as a phone number. */
export interface ReparseFailure {
  readonly model: 'contact' | 'company';
  readonly id: string;
  /** `phones.1` or `phone`. */
  readonly path: string;
  readonly value: string;
  readonly reason: string;
}

/** What `reparsePhones()` did, and how far it is. */
export interface ReparsePhonesReport {
  /** Contacts and companies to look at (counted when the run starts). */
  readonly total: number;
  /** Looked at so far. */
  readonly done: number;
  /** Records written with parsed numbers (contacts) or a new E.164 key (companies). */
  readonly upgraded: number;
  /** Records that needed nothing. */
  readonly unchanged: number;
  /** Numbers that still do not read: their record is left as it was. */
  readonly failed: readonly ReparseFailure[];
}

interface Counters {
  total: number;
  done: number;
  upgraded: number;
  unchanged: number;
  failed: ReparseFailure[];
}

/** The query of one page of rows in id order, after the cursor `after` when given. */
function pageById<W>(where: W, limit: number, after: string | undefined) {
  return {
    where,
    orderBy: [{ field: 'id' as const }],
    limit,
    ...(after ? { after } : {}),
  };
}

async function eachPage<R extends { id: string }>(
  ctx: CustomersContext,
  find: (after: string | undefined) => Promise<{ rows: R[]; nextCursor: string | null }>,
  work: (inner: CustomersContext, row: R) => Promise<void>,
  counters: Counters,
  onProgress: ReparsePhonesOptions['onProgress'],
): Promise<void> {
  let after: string | undefined;
  do {
    const page = await find(after);
    await ctx.scope.transaction(async (tx) => {
      for (const row of page.rows) {
        await work(within(ctx, tx), row);
        counters.done += 1;
      }
    });
    onProgress?.({ ...counters, failed: [...counters.failed] });
    after = page.nextCursor ?? undefined;
  } while (after);
}

/**
 * Upgrades stored phone numbers: contacts stored before phones were parsed (a text list in
 * `phones`, `phoneNumbers` null) get E.164 keys and details, and companies whose `phoneKey`
 * is not the E.164 number of their phone get it. Runs in batches (one transaction each) over
 * the records the actor may update, reporting progress. A contact with a number that still
 * does not read is left exactly as it was and listed in `failed` with the parser's reason:
 * fix it by hand, or run again with the right `defaultCountry`. Running it twice changes
 * nothing the second time.
 *
 * @example
 * ```ts
 * const report = await admin.customers.reparsePhones({
 *   defaultCountry: 'CN',
 *   onProgress: ({ done, total }) => console.log(`${done}/${total}`),
 * });
 * report.failed; // [{ model: 'contact', id, path: 'phones.0', value: '12', reason: 'is too short ...' }]
 * ```
 */
export async function reparsePhones(
  ctx: CustomersContext,
  options: ReparsePhonesOptions = {},
): Promise<ReparsePhonesReport> {
  let base = ctx;
  if (options.defaultCountry !== undefined) {
    const country = countryCode(options.defaultCountry);
    if (!('code' in country))
      throw validationError('defaultCountry', country.message, country.reason);
    base = { ...ctx, defaultCountry: country.code };
  }
  base = await withTenantCountry(base);
  const limit = options.batchSize ?? 500;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw validationError('batchSize', 'must be an integer from 1 to 10000', 'invalid_batch_size');
  }
  const { contact, company } = models(base.scope);
  const contactReach = await base.scope.reach('update', contact);
  const companyReach = await base.scope.reach('update', company);
  const contactScope = contactReach.kind === 'none' ? null : reachWhere(contactReach, contact);
  const companyScope = companyReach.kind === 'none' ? null : reachWhere(companyReach, company);
  const contactWhere = {
    and: [
      ...(contactScope ? [contactScope] : []),
      ...(options.all ? [] : [{ phoneNumbers: { isNull: true } }]),
    ],
  } as Where<Contact>;
  const companyWhere = {
    and: [...(companyScope ? [companyScope] : []), { phone: { isNull: false } }],
  } as Where<Company>;
  // internal: the rows are scoped by hand to what the actor may update (not what they may read)
  const contacts = base.scope.internal(contact);
  // internal: as for contacts, the update reach is in the filter
  const companies = base.scope.internal(company);
  const counters: Counters = { total: 0, done: 0, upgraded: 0, unchanged: 0, failed: [] };
  if (contactReach.kind !== 'none') counters.total += await contacts.count(contactWhere);
  if (companyReach.kind !== 'none') counters.total += await companies.count(companyWhere);

  if (contactReach.kind !== 'none') {
    await eachPage<Contact>(
      base,
      (after) => contacts.find(pageById(contactWhere, limit, after)),
      async (inner, row) => {
        const texts = row.phoneNumbers
          ? row.phoneNumbers.map((phone) => phone.entered)
          : row.phones;
        const read = parsePhones(texts, defaultCountry(inner));
        for (const problem of read.problems) {
          counters.failed.push({
            model: 'contact',
            id: row.id,
            path: `phones.${problem.index}`,
            value: problem.value,
            reason: problem.reason,
          });
        }
        if (read.problems.length > 0) return;
        const same =
          row.phoneNumbers !== null &&
          JSON.stringify(row.phoneNumbers) === JSON.stringify(read.phoneNumbers);
        if (same) counters.unchanged += 1;
        else {
          // Through the service: validated, audited and announced like any other change.
          await updateContact(inner, row.id, { phones: texts });
          counters.upgraded += 1;
        }
      },
      counters,
      options.onProgress,
    );
  }
  if (companyReach.kind !== 'none') {
    await eachPage<Company>(
      base,
      (after) => companies.find(pageById(companyWhere, limit, after)),
      async (inner, row) => {
        const read = parsePhone(row.phone as string, defaultCountry(inner));
        if (!read.ok) {
          counters.failed.push({
            model: 'company',
            id: row.id,
            path: 'phone',
            value: row.phone as string,
            reason: read.reason,
          });
        } else if (read.phone.number === row.phoneKey) counters.unchanged += 1;
        else {
          await updateCompany(inner, row.id, {});
          counters.upgraded += 1;
        }
      },
      counters,
      options.onProgress,
    );
  }
  return { ...counters, failed: [...counters.failed] };
}
