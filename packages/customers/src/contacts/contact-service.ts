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
import { prepareContactWrite } from './contact-input.js';
import type { Contact, ContactEmployment, ContactInput, ContactPatch } from './contact-model.js';
import { readableContact } from './contact-phones.js';

/** Contacts: people at companies, with their employment history. */
export interface ContactService {
  /**
   * Creates a contact. Without an `ownerId` the contact belongs to its company's owner (or
   * to the actor); its territory follows the company's.
   *
   * @example
   * ```ts
   * const acme = await rep.customers.companies.create({ name: 'Acme Corporation' });
   * const ada = await rep.customers.contacts.create({
   *   firstName: 'Ada', lastName: 'Lovelace', companyId: acme.id,
   *   emails: ['ada@acme.com'], phones: ['+44 20 7946 0958 ext. 12'], birthday: '1985-12-10',
   * });
   * ada.phones;       // ['+442079460958;ext=12']
   * ada.phoneNumbers; // [{ number: '+442079460958', extension: '12', type: 'fixed_line', country: 'GB', entered: '+44 20 7946 0958 ext. 12' }]
   * ```
   */
  create(input: ContactInput): Promise<Contact>;
  get(id: string): Promise<Contact>;
  maybeGet(id: string): Promise<Contact | null>;
  find(query?: FindQuery<Contact>): Promise<Page<Contact>>;
  count(where?: Where<Contact>): Promise<number>;
  /**
   * Changes some fields. A new `companyId` moves the contact: the current employment is
   * closed, a new one opened, and past interactions stay with the company of their time.
   */
  update(id: string, patch: ContactPatch, options?: WriteOptions): Promise<Contact>;
  /** Moves a contact to another company (or to none), keeping its history. */
  moveToCompany(
    id: string,
    companyId: string | null,
    options?: { title?: string | null },
  ): Promise<Contact>;
  /** Where the contact has worked, the current employment first. */
  employmentHistory(id: string): Promise<ContactEmployment[]>;
  delete(id: string, options?: WriteOptions): Promise<void>;
}

async function openEmployment(ctx: CustomersContext, contact: Contact): Promise<void> {
  // internal: employment rows are the contact's bookkeeping, written with each contact write
  const history = ctx.scope.internal(models(ctx.scope).history);
  const now = ctx.scope.clock.now();
  const open = await history.find({
    where: { contactId: contact.id, endedAt: null },
    limit: 100,
  });
  for (const row of open.rows) await history.update(row.id, { endedAt: now }, { current: row });
  if (contact.companyId !== null) {
    await history.insert([
      { contactId: contact.id, companyId: contact.companyId, title: contact.title, startedAt: now },
    ]);
  }
}

/** Creates a contact in the context's scope. */
export async function createContact(ctx: CustomersContext, input: unknown): Promise<Contact> {
  const raw = requireObject(input, 'a contact', 'contact');
  return ctx.scope.transaction(async (tx) => {
    const inner = within(ctx, tx);
    const issues = issueList();
    const { data } = await prepareContactWrite(inner, raw, null, issues);
    issues.throwIfAny({ model: 'contact' });
    const created = await tx.records(models(tx).contact).create(data as ContactInput);
    if (created.companyId !== null) await openEmployment(inner, created);
    await tx.emit('customer.created', { model: 'contact', id: created.id, contact: created });
    return created;
  });
}

/** Updates a contact in the context's scope. */
export async function updateContact(
  ctx: CustomersContext,
  id: string,
  patch: unknown,
  options: WriteOptions = {},
): Promise<Contact> {
  const raw = requireObject(patch, 'a patch', 'contact');
  return ctx.scope.transaction(async (tx) => {
    const inner = within(ctx, tx);
    const { contact, history } = models(tx);
    const before = await tx.records(contact).get(id);
    await tx.assertCan('update', contact, before);
    const issues = issueList();
    const { data, companyChanged } = await prepareContactWrite(inner, raw, before, issues);
    issues.throwIfAny({ model: 'contact', id });
    const after = await tx.records(contact).update(id, data as InferPatch<typeof contact>, options);
    if (companyChanged) await openEmployment(inner, after);
    else if (after.title !== before.title && after.companyId !== null) {
      // internal: employment rows are the contact's bookkeeping, written with each contact write
      const employments = tx.internal(history);
      const open = await employments.find({ where: { contactId: id, endedAt: null }, limit: 1 });
      for (const row of open.rows)
        await employments.update(row.id, { title: after.title }, { current: row });
    }
    const changed = Object.keys(diffRecords(before, after));
    if (changed.length > 0) {
      await tx.emit('customer.updated', { model: 'contact', id, changed, contact: after });
    }
    return after;
  });
}

/** The contact service bound to a context. */
export function contactService(ctx: CustomersContext): ContactService {
  const { scope } = ctx;
  const records = () => scope.records(models(scope).contact);
  const reads = recordReads(records);
  // Contacts stored before phones were parsed are read with parsed phones (see readableContact).
  const readable = (row: Contact) => readableContact(ctx, row);
  return {
    create: (input) => createContact(ctx, input),
    get: async (id) => readable(await reads.get(id)),
    maybeGet: async (id) => {
      const row = await reads.maybeGet(id);
      return row === null ? null : readable(row);
    },
    find: async (query) => {
      const page = await reads.find(query);
      return { ...page, rows: page.rows.map(readable) };
    },
    count: reads.count,
    update: (id, patch, options) => updateContact(ctx, id, patch, options),
    moveToCompany: (id, companyId, options = {}) =>
      updateContact(ctx, id, {
        companyId,
        ...(options.title === undefined ? {} : { title: options.title }),
      }),
    async employmentHistory(id) {
      await records().get(id);
      // internal: seeing a contact (checked above) means seeing where they worked
      const page = await scope.internal(models(scope).history).find({
        where: { contactId: id },
        orderBy: [{ field: 'startedAt', direction: 'desc' }],
        limit: 10_000,
      });
      return page.rows;
    },
    async delete(id, options) {
      await scope.transaction(async (tx) => {
        const { contact, history } = models(tx);
        const before = await tx.records(contact).get(id);
        await tx.assertCan('delete', contact, before);
        // Employment records belong to the contact and go with it.
        // internal: employment rows are the contact's bookkeeping (the contact's delete is checked)
        const employments = tx.internal(history);
        const rows = await employments.find({ where: { contactId: id }, limit: 10_000 });
        for (const row of rows.rows) await employments.delete(row.id, { current: row });
        await tx.records(contact).delete(id, options);
      });
    },
  };
}
