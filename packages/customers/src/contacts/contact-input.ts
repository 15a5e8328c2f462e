import type { IssueList } from '@sellkit/core/module';
import type { Company } from '../companies/company-model.js';
import { type CustomersContext, models } from '../shared/context.js';
import { withTenantCountry } from '../shared/default-country.js';
import { checkDirectory } from '../shared/directory.js';
import { emailProblem, normalizeEmail } from '../shared/email-address.js';
import { dateProblem } from '../shared/formats.js';
import { checkAddress } from '../shared/postal-address.js';
import { resolveTagNames } from '../tags/resolve-tags.js';
import { CONTACT_DERIVED_FIELDS, type Contact } from './contact-model.js';
import { checkContactPhones } from './contact-phones.js';

function checkEmails(data: Record<string, unknown>, issues: IssueList): void {
  const name = 'emails';
  const value = data[name];
  if (value === undefined) return;
  if (value === null) {
    data[name] = [];
    return;
  }
  if (!Array.isArray(value)) {
    issues.add(name, 'must be a list', 'invalid_type');
    return;
  }
  const cleaned: string[] = [];
  value.forEach((item, index) => {
    const problem = emailProblem(item);
    if (problem) {
      issues.add(`${name}.${index}`, problem, 'invalid_email');
      return;
    }
    const text = normalizeEmail(item as string);
    if (!cleaned.includes(text)) cleaned.push(text);
  });
  data[name] = cleaned;
}

function checkDate(
  data: Record<string, unknown>,
  name: 'birthday' | 'workAnniversary',
  today: string,
  issues: IssueList,
): void {
  const value = data[name];
  if (value === undefined || value === null) return;
  const problem = dateProblem(value);
  if (problem) issues.add(name, problem, 'invalid_date');
  else if ((value as string) > today) issues.add(name, 'must not be in the future', 'in_future');
}

/** What {@link prepareContactWrite} found besides the data to write. */
export interface PreparedContact {
  readonly data: Record<string, unknown>;
  /** The company the contact will be at after the write (null when none). */
  readonly company: Company | null;
  readonly companyChanged: boolean;
}

/**
 * Validates a contact create input or patch and returns what to write: e-mails lower-cased and
 * de-duplicated, phones parsed (`phones` keys and `phoneNumbers` details), the address with its
 * country as a code (copied to `country`), dates that exist and are not in the future, canonical tags,
 * the company's territory, and the `MM-DD` keys the reminder job queries.
 */
export async function prepareContactWrite(
  ctx: CustomersContext,
  input: Record<string, unknown>,
  before: Contact | null,
  issues: IssueList,
): Promise<PreparedContact> {
  // National phone numbers are read in the operation's, else the tenant's, country.
  ctx = await withTenantCountry(ctx);
  const data: Record<string, unknown> = { ...input };
  for (const name of CONTACT_DERIVED_FIELDS) {
    if (name in data) issues.add(name, 'is maintained by Sellkit and cannot be set', 'read_only');
  }
  for (const name of ['firstName', 'lastName', 'alternateName', 'title'] as const) {
    if (typeof data[name] === 'string') data[name] = (data[name] as string).trim();
  }
  if (data.lastName === '') issues.add('lastName', 'must not be empty', 'too_small');
  checkEmails(data, issues);
  checkContactPhones(ctx, data, before, issues);
  if (data.address === null) data.country = null;
  else if (data.address !== undefined) {
    const address = checkAddress(data.address, 'address', issues);
    data.address = Object.keys(address).length > 0 ? address : null;
    data.country = address.country ?? null;
  }
  const today = (await ctx.scope.calendar()).today();
  checkDate(data, 'birthday', today, issues);
  checkDate(data, 'workAnniversary', today, issues);
  if (data.tags !== undefined) {
    data.tags = data.tags === null ? [] : await resolveTagNames(ctx, data.tags, 'tags', issues);
  }
  if (data.ownerId !== before?.ownerId)
    await checkDirectory(ctx, 'owners', 'ownerId', data.ownerId, issues);

  const companyChanged = 'companyId' in data && data.companyId !== (before?.companyId ?? null);
  const companyId = 'companyId' in data ? data.companyId : (before?.companyId ?? null);
  let company: Company | null = null;
  if (companyId !== null && companyId !== undefined) {
    if (typeof companyId !== 'string')
      issues.add('companyId', 'must be a company id', 'invalid_type');
    else {
      // internal: an existence check; sight of the company is asserted below
      company = await ctx.scope.internal(models(ctx.scope).company).get(companyId);
      if (company === null)
        issues.add('companyId', `company ${companyId} does not exist`, 'unknown_company');
    }
  }
  if (issues.issues.length > 0) return { data, company, companyChanged };
  if (company && companyChanged) {
    // Attaching a contact to a company the actor cannot see would leak that it exists.
    await ctx.scope.assertCan('read', models(ctx.scope).company, company);
  }
  if (before === null || companyChanged) data.territoryId = company?.territoryId ?? null;
  if (
    before === null &&
    (data.ownerId === undefined || data.ownerId === null) &&
    company?.ownerId
  ) {
    // A contact belongs to its company's owner unless said otherwise.
    data.ownerId = company.ownerId;
  }
  if ('birthday' in data)
    data.birthdayKey = typeof data.birthday === 'string' ? data.birthday.slice(5) : null;
  if ('workAnniversary' in data) {
    data.anniversaryKey =
      typeof data.workAnniversary === 'string' ? data.workAnniversary.slice(5) : null;
  }
  return { data, company, companyChanged };
}
