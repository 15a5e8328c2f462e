import {
  diffRecords,
  type FindQuery,
  type InferPatch,
  type Page,
  type Where,
  type WriteOptions,
} from '@sellkit/core';
import { issueList, requireObject } from '@sellkit/core/module';
import { type CustomersContext, models, within } from '../shared/context.js';
import { recordReads } from '../shared/record-reads.js';
import { prepareCompanyWrite } from './company-input.js';
import type { Company, CompanyInput, CompanyPatch } from './company-model.js';

/**
 * Companies: create, read, update and delete with validation, derived classes, access checks,
 * audit and events.
 */
export interface CompanyService {
  /**
   * Creates a company. Size class and purchase potential are derived unless given; tags must
   * exist; owner and territory are checked against the configured directories.
   *
   * @example
   * ```ts
   * import { Money } from '@sellkit/core';
   * const acme = await crm.as(ctx).customers.companies.create({
   *   name: 'Acme Corporation',
   *   industry: 'manufacturing',
   *   employees: 2822,
   *   annualRevenue: Money.of('1100040000.00', 'USD'),
   *   tags: ['key account'],
   * });
   * acme.sizeClass; // 'large'
   * ```
   */
  create(input: CompanyInput): Promise<Company>;
  /** `NOT_FOUND` when missing, `FORBIDDEN` when out of reach. */
  get(id: string): Promise<Company>;
  /** Like `get`, but null when missing. */
  maybeGet(id: string): Promise<Company | null>;
  /** A page of the companies the actor may see. */
  find(query?: FindQuery<Company>): Promise<Page<Company>>;
  count(where?: Where<Company>): Promise<number>;
  /**
   * Changes some fields. Setting `sizeClass` or `purchasePotential` pins it; setting it to
   * null hands it back to derivation. A stale `expectedVersion` is `CONFLICT`.
   */
  update(id: string, patch: CompanyPatch, options?: WriteOptions): Promise<Company>;
  /** Deletes a company; `CONFLICT` while contacts, interactions or others refer to it. */
  delete(id: string, options?: WriteOptions): Promise<void>;
  /** The direct subsidiaries of a company. */
  subsidiaries(id: string): Promise<Company[]>;
}

/** Creates a company in the context's scope (joins its transaction). */
export async function createCompany(ctx: CustomersContext, input: unknown): Promise<Company> {
  const raw = requireObject(input, 'a company', 'company');
  return ctx.scope.transaction(async (tx) => {
    const inner = within(ctx, tx);
    const issues = issueList();
    const data = await prepareCompanyWrite(inner, raw, null, issues);
    issues.throwIfAny({ model: 'company' });
    const { company } = models(tx);
    const created = await tx.records(company).create(data as CompanyInput);
    await tx.emit('customer.created', { model: 'company', id: created.id, company: created });
    return created;
  });
}

/** Updates a company in the context's scope. */
export async function updateCompany(
  ctx: CustomersContext,
  id: string,
  patch: unknown,
  options: WriteOptions = {},
): Promise<Company> {
  const raw = requireObject(patch, 'a patch', 'company');
  return ctx.scope.transaction(async (tx) => {
    const inner = within(ctx, tx);
    const { company, contact } = models(tx);
    const before = await tx.records(company).get(id);
    await tx.assertCan('update', company, before);
    const issues = issueList();
    const data = await prepareCompanyWrite(inner, raw, before, issues);
    issues.throwIfAny({ model: 'company', id });
    const after = await tx.records(company).update(id, data as InferPatch<typeof company>, options);
    const changed = Object.keys(diffRecords(before, after));
    if (changed.includes('territoryId')) {
      // Contacts follow their company's territory, so territory leads keep seeing them.
      await cascadeTerritory(tx, contact, id, after.territoryId);
    }
    if (changed.length > 0) {
      await tx.emit('customer.updated', { model: 'company', id, changed, company: after });
    }
    return after;
  });
}

async function cascadeTerritory(
  tx: CustomersContext['scope'],
  contact: ReturnType<typeof models>['contact'],
  companyId: string,
  territoryId: string | null,
): Promise<void> {
  // Updated rows stop matching, so re-reading the first page until it is empty visits each once.
  const where = {
    companyId,
    territoryId: territoryId === null ? { isNull: false } : { ne: territoryId },
  };
  // internal: a contact's territory follows its company's, whoever may edit the contact
  const contacts = tx.internal(contact);
  for (;;) {
    const page = await contacts.find({ where, limit: 500 });
    if (page.rows.length === 0) return;
    for (const row of page.rows) await contacts.update(row.id, { territoryId }, { current: row });
  }
}

/** The company service bound to a context. */
export function companyService(ctx: CustomersContext): CompanyService {
  const { scope } = ctx;
  const records = () => scope.records(models(scope).company);
  return {
    create: (input) => createCompany(ctx, input),
    ...recordReads(records),
    update: (id, patch, options) => updateCompany(ctx, id, patch, options),
    delete: (id, options) => records().delete(id, options),
    async subsidiaries(id) {
      await records().get(id);
      const page = await records().find({
        where: { parentId: id },
        orderBy: [{ field: 'name' }],
        limit: 10_000,
      });
      return page.rows;
    },
  };
}
