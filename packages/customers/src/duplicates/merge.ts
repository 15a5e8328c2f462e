import {
  type AnyModel,
  type InferPatch,
  type ModuleScope,
  SYSTEM_FIELDS,
  toJsonValue,
  validationError,
} from '@sellkit/core';
import { notFound } from '@sellkit/core/module';
import { COMPANY_DERIVED_FIELDS, type Company } from '../companies/company-model.js';
import { updateCompany } from '../companies/company-service.js';
import type { CustomerEvents } from '../events.js';
import { COUNTER_FIELD, type CounterPatch } from '../interactions/counters.js';
import { type CustomersContext, models, within } from '../shared/context.js';

/** Fields never copied from the duplicate: identity, derived values and classes (re-derived). */
const NOT_FILLED = new Set<string>([
  ...SYSTEM_FIELDS,
  ...COMPANY_DERIVED_FIELDS,
  'sizeClass',
  'purchasePotential',
  'tags',
  'externalId',
  'parentId',
]);

/** Points every row of `model` whose `field` is `from` at `to`; returns how many moved. */
async function repoint(
  scope: ModuleScope<CustomerEvents>,
  model: AnyModel,
  field: string,
  from: string,
  to: string,
  extra: InferPatch<AnyModel> = {},
): Promise<number> {
  // internal: a merge moves every row of the duplicate, whoever may see each (the caller
  // checked the actor may update the survivor and delete the duplicate)
  const rows = scope.internal(model);
  const patch: InferPatch<AnyModel> = { [field]: to, ...extra };
  let moved = 0;
  // Moved rows stop matching, so the first page is re-read until it is empty.
  for (;;) {
    const page = await rows.find({ where: { [field]: from }, limit: 500 });
    if (page.rows.length === 0) return moved;
    for (const row of page.rows) {
      await rows.update(row.id, patch, { current: row });
      moved += 1;
    }
  }
}

/**
 * Merges `duplicateId` into `survivorId` in one transaction: contacts, interactions,
 * employment records, subsidiaries and the configured `mergeReferences` move to the survivor;
 * tags are united; the survivor keeps its values and takes the duplicate's where it has none;
 * counters add up; the duplicate is deleted; an audit entry `merge` is written and
 * `customer.merged` emitted after commit. Any failure undoes all of it.
 */
export async function mergeCompanies(
  ctx: CustomersContext,
  survivorId: string,
  duplicateId: string,
): Promise<Company> {
  if (typeof survivorId !== 'string' || typeof duplicateId !== 'string') {
    throw validationError(
      'survivorId',
      'survivor and duplicate must be company ids',
      'invalid_type',
    );
  }
  if (survivorId === duplicateId) {
    throw validationError('duplicateId', 'a company cannot be merged into itself', 'same_record');
  }
  return ctx.scope.transaction(async (tx) => {
    const inner = within(ctx, tx);
    const { company, contact, interaction, history } = models(tx);
    const survivor = await tx.records(company).get(survivorId);
    const duplicate = await tx.records(company).get(duplicateId);
    await tx.assertCan('update', company, survivor);
    await tx.assertCan('delete', company, duplicate);

    const contacts = await repoint(tx, contact, 'companyId', duplicateId, survivorId, {
      territoryId: survivor.territoryId,
    });
    const interactions = await repoint(tx, interaction, 'companyId', duplicateId, survivorId);
    const employments = await repoint(tx, history, 'companyId', duplicateId, survivorId);
    let parentOfSurvivor: string | null | undefined;
    if (survivor.parentId === duplicateId) {
      // The survivor hung below the duplicate: it takes the duplicate's place instead.
      parentOfSurvivor = duplicate.parentId === survivorId ? null : duplicate.parentId;
      // internal: one step of the merge (checked above); the survivor's update below runs hooks
      await tx
        .internal(company)
        .update(survivorId, { parentId: parentOfSurvivor }, { current: survivor });
    }
    const subsidiaries = await repoint(tx, company, 'parentId', duplicateId, survivorId);
    const references: Record<string, number> = {};
    for (const reference of ctx.options.mergeReferences) {
      const model = tx.model(reference.model);
      references[`${reference.model}.${reference.field}`] = await repoint(
        tx,
        model,
        reference.field,
        duplicateId,
        survivorId,
      );
    }

    // internal: the counters add up, like the interaction log's (no hooks, no events)
    const survivorRows = tx.internal(company);
    const current = await survivorRows.get(survivorId);
    if (!current) throw notFound('company', survivorId);
    const counters: CounterPatch = {
      interactionCount: current.interactionCount + duplicate.interactionCount,
    };
    for (const field of Object.values(COUNTER_FIELD)) {
      counters[field] = current[field] + duplicate[field];
    }
    const last = [current.lastInteractionAt, duplicate.lastInteractionAt].filter(
      (date): date is Date => date !== null,
    );
    counters.lastInteractionAt =
      last.length === 0 ? null : new Date(Math.max(...last.map((date) => date.getTime())));
    await survivorRows.update(survivorId, counters, { current });

    await tx.records(company).delete(duplicateId);

    const fill: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(duplicate)) {
      if (NOT_FILLED.has(field) || value === null || value === undefined) continue;
      if ((current as Record<string, unknown>)[field] === null) fill[field] = value;
    }
    if (current.externalId === null && duplicate.externalId !== null)
      fill.externalId = duplicate.externalId;
    if (
      current.parentId === null &&
      parentOfSurvivor === undefined &&
      duplicate.parentId !== null &&
      duplicate.parentId !== survivorId
    ) {
      fill.parentId = duplicate.parentId;
    }
    const tags = [
      ...current.tags,
      ...duplicate.tags.filter((name) => !current.tags.includes(name)),
    ];
    if (tags.length !== current.tags.length) fill.tags = tags;
    const merged = await updateCompany(inner, survivorId, fill);

    const moved = { contacts, interactions, employments, subsidiaries, references };
    await tx.audit({
      model: 'company',
      recordId: survivorId,
      action: 'merge',
      changes: {
        mergedFrom: { before: toJsonValue(duplicate), after: null },
        moved: { before: null, after: moved },
      },
    });
    await tx.emit('customer.merged', { model: 'company', survivorId, duplicateId, moved, tags });
    return merged;
  });
}
