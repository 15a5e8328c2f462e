import type { IssueList } from '@sellkit/core/module';
import { deriveSizeClass } from '../classification/size-class.js';
import {
  employerDomain,
  normalizeCompanyName,
  phoneKey,
  siteDomain,
} from '../duplicates/normalize.js';
import { type CustomersContext, models } from '../shared/context.js';
import { countryCode } from '../shared/country.js';
import { defaultCountry, withTenantCountry } from '../shared/default-country.js';
import { checkDirectory } from '../shared/directory.js';
import { emailProblem, normalizeEmail } from '../shared/email-address.js';
import { parsePhone } from '../shared/phone-number.js';
import { checkAddress } from '../shared/postal-address.js';
import { websiteProblem } from '../shared/web-domain.js';
import { resolveTagNames } from '../tags/resolve-tags.js';
import type { Company, PurchasePotential, SizeClass } from './company-model.js';
import { COMPANY_DERIVED_FIELDS, PURCHASE_POTENTIALS, SIZE_CLASSES } from './company-model.js';

/** How deep a parent chain may go; deeper is treated as a cycle (and is surely a mistake). */
const MAX_DEPTH = 1000;

function checkAddresses(data: Record<string, unknown>, issues: IssueList): void {
  const value = data.addresses;
  if (value === null || value === undefined) return;
  if (!Array.isArray(value) || value.length > 20) {
    issues.add('addresses', 'must be a list of at most 20 addresses', 'invalid_type');
    return;
  }
  data.addresses = value.map((address, index) =>
    checkAddress(address, `addresses.${index}`, issues),
  );
}

async function checkParent(
  ctx: CustomersContext,
  parentId: unknown,
  selfId: string | undefined,
  issues: IssueList,
): Promise<void> {
  if (parentId === null || parentId === undefined) return;
  if (typeof parentId !== 'string') {
    issues.add('parentId', 'must be a company id', 'invalid_type');
    return;
  }
  if (parentId === selfId) {
    issues.add('parentId', 'a company cannot be its own parent', 'parent_cycle');
    return;
  }
  // internal: the parent must exist and the chain must not loop, whoever may see each company
  const companies = ctx.scope.internal(models(ctx.scope).company);
  let cursor: string | null = parentId;
  for (let depth = 0; cursor !== null; depth += 1) {
    const current: Company | null = await companies.get(cursor);
    if (current === null) {
      if (depth === 0)
        issues.add('parentId', `company ${parentId} does not exist`, 'unknown_parent');
      return;
    }
    if (current.parentId === selfId && selfId !== undefined) {
      issues.add(
        'parentId',
        `company ${parentId} is already below this company (a cycle)`,
        'parent_cycle',
      );
      return;
    }
    if (depth > MAX_DEPTH) {
      issues.add('parentId', 'the parent chain is too deep or has a cycle', 'parent_cycle');
      return;
    }
    cursor = current.parentId;
  }
}

function derivedSize(
  ctx: CustomersContext,
  input: Record<string, unknown>,
  merged: Record<string, unknown>,
  before: Company | null,
): { sizeClass: SizeClass | null; sizeClassSource: 'derived' | 'manual' } {
  if ('sizeClass' in input) {
    if (input.sizeClass === null) {
      return {
        sizeClass: deriveSizeClass(merged.employees as number | null, ctx.options.sizeThresholds),
        sizeClassSource: 'derived',
      };
    }
    return { sizeClass: input.sizeClass as SizeClass, sizeClassSource: 'manual' };
  }
  if (before?.sizeClassSource === 'manual')
    return { sizeClass: before.sizeClass, sizeClassSource: 'manual' };
  return {
    sizeClass: deriveSizeClass(merged.employees as number | null, ctx.options.sizeThresholds),
    sizeClassSource: 'derived',
  };
}

async function derivedPotential(
  ctx: CustomersContext,
  input: Record<string, unknown>,
  merged: Record<string, unknown>,
  before: Company | null,
): Promise<{
  purchasePotential: PurchasePotential | null;
  purchasePotentialSource: 'rules' | 'manual';
}> {
  if ('purchasePotential' in input && input.purchasePotential !== null) {
    return {
      purchasePotential: input.purchasePotential as PurchasePotential,
      purchasePotentialSource: 'manual',
    };
  }
  if (!('purchasePotential' in input) && before?.purchasePotentialSource === 'manual') {
    return { purchasePotential: before.purchasePotential, purchasePotentialSource: 'manual' };
  }
  const computed = ctx.classifier
    ? ctx.classifier.classify(merged, ctx.scope.clock.now(), await ctx.scope.calendar())
    : null;
  return { purchasePotential: computed, purchasePotentialSource: 'rules' };
}

/** The E.164 key of a stored company phone (null when it does not read as a number). */
function companyPhoneKey(ctx: CustomersContext, phone: string): string | null {
  return phoneKey(phone, defaultCountry(ctx)) ?? null;
}

/**
 * Validates a company create input or patch and returns what to write: the input with values
 * normalised (trimmed name, lower-case e-mail and industry, canonical tag names) and every
 * derived field recomputed (size class, purchase potential, duplicate keys). All problems are
 * reported together as one `VALIDATION_FAILED`; nothing is written before this returns.
 */
export async function prepareCompanyWrite(
  ctx: CustomersContext,
  input: Record<string, unknown>,
  before: Company | null,
  issues: IssueList,
): Promise<Record<string, unknown>> {
  // National phone numbers are read in the operation's, else the tenant's, country.
  ctx = await withTenantCountry(ctx);
  const data: Record<string, unknown> = { ...input };
  for (const name of COMPANY_DERIVED_FIELDS) {
    if (name in data) issues.add(name, 'is maintained by Sellkit and cannot be set', 'read_only');
  }
  if (typeof data.name === 'string') {
    data.name = data.name.trim();
    if (data.name === '') issues.add('name', 'must not be empty', 'too_small');
  }
  if (typeof data.legalName === 'string') data.legalName = data.legalName.trim() || null;
  if (data.email !== undefined && data.email !== null) {
    const problem = emailProblem(data.email);
    if (problem) issues.add('email', problem, 'invalid_email');
    else data.email = normalizeEmail(data.email as string);
  }
  let enteredKey: string | null | undefined;
  if (data.phone !== undefined && data.phone !== null) {
    const read =
      typeof data.phone === 'string'
        ? parsePhone(data.phone, defaultCountry(ctx))
        : { ok: false as const, reason: 'must be a string' };
    if (!read.ok) issues.add('phone', read.reason, 'invalid_phone');
    else {
      data.phone = read.phone.entered;
      enteredKey = read.phone.number;
    }
  }
  if (data.country !== undefined && data.country !== null) {
    const country = countryCode(data.country);
    if ('code' in country) data.country = country.code;
    else issues.add('country', country.message, country.reason);
  }
  if (data.website !== undefined && data.website !== null) {
    const problem = websiteProblem(data.website);
    if (problem) issues.add('website', problem, 'invalid_url');
    else data.website = (data.website as string).trim();
  }
  if (typeof data.industry === 'string') {
    data.industry = data.industry.trim().replace(/\s+/g, ' ').toLowerCase() || null;
    if (
      ctx.options.strictIndustries &&
      data.industry !== null &&
      !ctx.options.industries.has(data.industry as string)
    ) {
      issues.add('industry', `unknown industry "${String(data.industry)}"`, 'unknown_industry');
    }
  }
  if (
    'sizeClass' in data &&
    data.sizeClass !== null &&
    !SIZE_CLASSES.includes(data.sizeClass as SizeClass)
  ) {
    issues.add('sizeClass', `must be one of ${SIZE_CLASSES.join(', ')}`, 'invalid_enum_value');
  }
  if (
    'purchasePotential' in data &&
    data.purchasePotential !== null &&
    !PURCHASE_POTENTIALS.includes(data.purchasePotential as PurchasePotential)
  ) {
    issues.add(
      'purchasePotential',
      `must be one of ${PURCHASE_POTENTIALS.join(', ')}`,
      'invalid_enum_value',
    );
  }
  checkAddresses(data, issues);
  if (data.tags !== undefined) {
    data.tags = data.tags === null ? [] : await resolveTagNames(ctx, data.tags, 'tags', issues);
  }
  if (data.ownerId !== before?.ownerId)
    await checkDirectory(ctx, 'owners', 'ownerId', data.ownerId, issues);
  if (data.territoryId !== before?.territoryId)
    await checkDirectory(ctx, 'territories', 'territoryId', data.territoryId, issues);
  if ('parentId' in data && data.parentId !== before?.parentId) {
    await checkParent(ctx, data.parentId, before?.id ?? (data.id as string | undefined), issues);
  }
  if (issues.issues.length > 0) return data;

  const merged: Record<string, unknown> = { ...(before ?? {}), ...data };
  Object.assign(data, derivedSize(ctx, input, merged, before));
  Object.assign(merged, data);
  const name = typeof merged.name === 'string' ? normalizeCompanyName(merged.name) : '';
  data.nameKey = name.length > 0 && name.length <= 1000 ? name : null;
  const domain =
    (typeof merged.website === 'string' ? siteDomain(merged.website) : undefined) ??
    (typeof merged.email === 'string'
      ? employerDomain(merged.email, ctx.options.freeMailDomains)
      : undefined);
  data.domain = domain ?? null;
  data.phoneKey =
    enteredKey !== undefined
      ? enteredKey
      : typeof merged.phone === 'string'
        ? companyPhoneKey(ctx, merged.phone)
        : null;
  Object.assign(merged, data);
  Object.assign(data, await derivedPotential(ctx, input, merged, before));
  if (merged.lifecycleStage === 'customer' && !before?.customerSince) {
    data.customerSince = ctx.scope.clock.now();
  }
  if (before) {
    // Only what changes goes into the patch, so the audit trail shows real changes only.
    for (const key of [
      'sizeClass',
      'sizeClassSource',
      'purchasePotential',
      'purchasePotentialSource',
      'nameKey',
      'domain',
      'phoneKey',
    ]) {
      if (!(key in input) && (before as Record<string, unknown>)[key] === data[key])
        delete data[key];
    }
  }
  return data;
}
