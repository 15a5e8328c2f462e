import { SellkitError, validationError } from '@sellkit/core';
import { type InternalRecords, isPlainObject, issueList, notFound } from '@sellkit/core/module';
import { updateCompany } from '../companies/company-service.js';
import { updateContact } from '../contacts/contact-service.js';
import { type CustomersContext, models, within } from '../shared/context.js';
import { resolveTagNames, tagKey } from './resolve-tags.js';
import type { Tag } from './tag-model.js';

/** What creating a tag takes. */
export interface TagInput {
  name: string;
  color?: string | null;
  description?: string | null;
}

/** Which records a bulk tag change applies to. */
export interface TagTargets {
  readonly companies?: readonly string[];
  readonly contacts?: readonly string[];
}

/** What a bulk tag change did. */
export interface TagChangeReport {
  /** Records whose tags changed. */
  readonly changed: number;
  /** Records that already were as asked. */
  readonly unchanged: number;
}

/** The tenant's tags, and adding or removing them in bulk. */
export interface TagService {
  /**
   * Creates a tag (admins by default; grant `tag` to other roles to let them). Names are
   * unique regardless of case.
   *
   * @example
   * ```ts
   * await admin.customers.tags.create({ name: 'key account', color: '#d4af37' });
   * ```
   */
  create(input: TagInput): Promise<Tag>;
  /** Every tag, by name. */
  list(): Promise<Tag[]>;
  /** Renames a tag everywhere it is used, in one transaction. */
  rename(name: string, newName: string): Promise<Tag>;
  /** Deletes a tag and takes it off every company and contact, in one transaction. */
  delete(name: string): Promise<{ removedFrom: number }>;
  /**
   * Adds tags to many companies and contacts in one transaction: all or nothing (an unknown
   * tag or record, or one out of reach, changes nothing).
   *
   * @example
   * ```ts
   * const acme = await admin.customers.companies.create({ name: 'Acme' });
   * const globex = await admin.customers.companies.create({ name: 'Globex' });
   * await admin.customers.tags.add(['key account'], { companies: [acme.id, globex.id] });
   * ```
   */
  add(tags: readonly string[], targets: TagTargets): Promise<TagChangeReport>;
  /** Removes tags from many records in one transaction. */
  remove(tags: readonly string[], targets: TagTargets): Promise<TagChangeReport>;
}

function checkName(value: unknown, path: string): string {
  if (typeof value !== 'string' || tagKey(value).length === 0 || value.trim().length > 100) {
    throw validationError(path, 'must be a tag name of 1 to 100 characters', 'invalid_type');
  }
  return value.trim().replace(/\s+/g, ' ');
}

async function byName(ctx: CustomersContext, name: string): Promise<Tag> {
  // internal: tags are the tenant's reference data, the same list for everyone
  const page = await ctx.scope.internal(models(ctx.scope).tag).find({
    where: { key: tagKey(name) },
    limit: 1,
  });
  const found = page.rows[0];
  if (!found) throw notFound('tag', name);
  return found;
}

/** Rewrites the tag lists of every company and contact carrying `name`. */
async function rewriteEverywhere(
  ctx: CustomersContext,
  name: string,
  rewrite: (tags: readonly string[]) => string[],
): Promise<number> {
  const { company, contact } = models(ctx.scope);
  let count = 0;
  for (const model of [company, contact]) {
    // internal: a renamed or deleted tag changes on every record, whoever may see each
    const rows: InternalRecords<typeof company | typeof contact> = ctx.scope.internal(model);
    // Rewritten rows stop matching, so the first page is re-read until it is empty.
    for (;;) {
      const page = await rows.find({ where: { tags: { contains: name } }, limit: 500 });
      if (page.rows.length === 0) break;
      for (const row of page.rows) {
        await rows.update(row.id, { tags: rewrite(row.tags) }, { current: row });
        count += 1;
      }
    }
  }
  return count;
}

async function change(
  ctx: CustomersContext,
  tags: readonly string[],
  targets: TagTargets,
  mode: 'add' | 'remove',
): Promise<TagChangeReport> {
  if (!isPlainObject(targets))
    throw validationError('targets', 'must be { companies?, contacts? }', 'invalid_type');
  return ctx.scope.transaction(async (tx) => {
    const inner = within(ctx, tx);
    const issues = issueList();
    const names = await resolveTagNames(inner, tags, 'tags', issues);
    issues.throwIfAny();
    const { company, contact } = models(tx);
    let changed = 0;
    let unchanged = 0;
    for (const [key, model] of [
      ['companies', company],
      ['contacts', contact],
    ] as const) {
      const ids = targets[key] ?? [];
      if (!Array.isArray(ids)) throw validationError(key, 'must be a list of ids', 'invalid_type');
      for (const [index, id] of ids.entries()) {
        if (typeof id !== 'string')
          throw validationError(`${key}.${index}`, 'must be an id', 'invalid_type');
        const record = await tx.records(model).maybeGet(id);
        if (!record)
          throw validationError(
            `${key}.${index}`,
            `${model.name} ${id} does not exist`,
            'not_found',
          );
        const next =
          mode === 'add'
            ? [...record.tags, ...names.filter((name) => !record.tags.includes(name))]
            : record.tags.filter((name) => !names.includes(name));
        if (next.length === record.tags.length) {
          unchanged += 1;
          continue;
        }
        if (next.length > 100) {
          throw validationError(`${key}.${index}`, 'a record carries at most 100 tags', 'too_big');
        }
        // Through the services: access-checked, audited, reclassified and announced per record.
        if (model.name === 'company') await updateCompany(inner, id, { tags: next });
        else await updateContact(inner, id, { tags: next });
        changed += 1;
      }
    }
    return { changed, unchanged };
  });
}

/** The tag service bound to a context. */
export function tagService(ctx: CustomersContext): TagService {
  const { scope } = ctx;
  return {
    async create(input) {
      if (!isPlainObject(input))
        throw validationError('', 'a tag must be an object', 'invalid_type');
      const name = checkName(input.name, 'name');
      const { tag } = models(scope);
      // internal: tag names are unique across the tenant, whoever may see each tag
      const existing = await scope.internal(tag).count({ key: tagKey(name) });
      if (existing > 0) {
        throw new SellkitError('CONFLICT', `a tag named "${name}" exists already`, {
          model: 'tag',
          issues: [{ path: 'name', message: 'exists already', reason: 'duplicate' }],
        });
      }
      return scope.records(tag).create({ ...input, name, key: tagKey(name) });
    },
    async list() {
      // internal: tags are the tenant's reference data, the same list for everyone
      const page = await scope.internal(models(scope).tag).find({
        orderBy: [{ field: 'name' }],
        limit: 10_000,
      });
      return page.rows;
    },
    async rename(name, newName) {
      const target = checkName(newName, 'newName');
      return scope.transaction(async (tx) => {
        const inner = within(ctx, tx);
        const current = await byName(inner, name);
        const { tag } = models(tx);
        // internal: tag names are unique across the tenant, whoever may see each tag
        const clash = await tx.internal(tag).find({ where: { key: tagKey(target) }, limit: 1 });
        if (clash.rows[0] && clash.rows[0].id !== current.id) {
          throw new SellkitError('CONFLICT', `a tag named "${target}" exists already`, {
            model: 'tag',
          });
        }
        const renamed = await tx
          .records(tag)
          .update(current.id, { name: target, key: tagKey(target) });
        await rewriteEverywhere(inner, current.name, (tags) =>
          tags.map((item) => (item === current.name ? target : item)),
        );
        return renamed;
      });
    },
    async delete(name) {
      return scope.transaction(async (tx) => {
        const inner = within(ctx, tx);
        const current = await byName(inner, name);
        await tx.assertCan('delete', models(tx).tag, current);
        const removedFrom = await rewriteEverywhere(inner, current.name, (tags) =>
          tags.filter((item) => item !== current.name),
        );
        await tx.records(models(tx).tag).delete(current.id);
        return { removedFrom };
      });
    },
    add: (tags, targets) => change(ctx, tags, targets, 'add'),
    remove: (tags, targets) => change(ctx, tags, targets, 'remove'),
  };
}
