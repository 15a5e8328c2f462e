import type { Writable } from 'node:stream';
import {
  type AnyModel,
  type FindQuery,
  type InferCreate,
  type InferPatch,
  type Page,
  reachIncludes,
  reachWhere,
  SellkitError,
  type Where,
} from '@sellkit/core';
import { isPlainObject, notFound, requireObject } from '@sellkit/core/module';
import type { Company } from '../companies/company-model.js';
import type { Contact } from '../contacts/contact-model.js';
import {
  checkColumns,
  DEFAULT_EXPORT_COLUMNS,
  type ExportStreamOptions,
  exportCsvLines,
  pipeLines,
} from '../export/csv-export.js';
import { type CustomersContext, models } from '../shared/context.js';
import { resolveSegmentFilter, validateFilter } from './segment-filter.js';
import {
  SEGMENT_TARGETS,
  type Segment,
  type SegmentTarget,
  type segment,
} from './segment-model.js';

/** What saving a segment takes. */
export interface SegmentInput {
  name: string;
  target: SegmentTarget;
  /**
   * A storage filter (`Where`) as JSON, over the target's fields (plugin fields included).
   * Relative dates: `{ "$daysAgo": 90 }`, `{ "$daysAhead": 7 }`.
   */
  filter: Record<string, unknown>;
  description?: string | null;
  columns?: readonly string[];
  /** Visible to everyone in the tenant (default false: the owner's team and admins). */
  shared?: boolean;
}

/** A page request over a segment's members. */
export interface SegmentPageQuery<R> {
  limit?: number;
  after?: string;
  orderBy?: FindQuery<R>['orderBy'];
}

/** Saved segments: filters that run inside the storage engine. */
export interface SegmentService {
  /**
   * Saves a segment after checking its filter against the target model: unknown fields or
   * operators are `VALIDATION_FAILED` with paths under `filter`.
   *
   * @example
   * ```ts
   * const launch = await admin.customers.segments.save({
   *   name: 'Large manufacturing key accounts',
   *   target: 'company',
   *   filter: { sizeClass: 'large', industry: 'manufacturing', tags: { contains: 'key account' } },
   * });
   * const { rows } = await admin.customers.segments.run(launch.id);
   * ```
   */
  save(input: SegmentInput): Promise<Segment>;
  update(id: string, patch: Partial<SegmentInput>): Promise<Segment>;
  delete(id: string): Promise<void>;
  get(id: string): Promise<Segment>;
  /** The segments the actor may see (their own, their team's, and shared ones). */
  list(): Promise<Segment[]>;
  /** A page of a segment's members that the actor may see. */
  run(id: string, query?: SegmentPageQuery<Company | Contact>): Promise<Page<Company | Contact>>;
  /** How many members the actor may see. */
  count(id: string): Promise<number>;
  /**
   * The members as CSV (header first), streamed page by page. Iterate the returned lines
   * yourself, or give a writable stream to have them written with back-pressure: the promise
   * resolves once every row is flushed, and the stream is ended (a file is complete and
   * closed) unless `{ end: false }` is passed. A stream error rejects it.
   *
   * @example
   * ```ts
   * import { createWriteStream } from 'node:fs';
   * const launch = await admin.customers.segments.save({ name: 'Key accounts', target: 'company', filter: { tags: { contains: 'key account' } } });
   * const { rows } = await admin.customers.segments.exportCsv(launch.id, createWriteStream('launch.csv'));
   * ```
   */
  exportCsv(id: string): AsyncIterable<string>;
  exportCsv(
    id: string,
    writable: Writable,
    options?: ExportStreamOptions,
  ): Promise<{ rows: number }>;
  /** Runs an unsaved filter, for previews while a segment is edited. */
  preview(
    target: SegmentTarget,
    filter: Record<string, unknown>,
    query?: SegmentPageQuery<Company | Contact>,
  ): Promise<Page<Company | Contact>>;
}

function targetModel(ctx: CustomersContext, target: unknown): AnyModel {
  const composed = models(ctx.scope);
  if (target === 'company') return composed.company;
  if (target === 'contact') return composed.contact;
  throw new SellkitError(
    'VALIDATION_FAILED',
    `target must be one of ${SEGMENT_TARGETS.join(', ')}`,
    {
      model: 'segment',
      issues: [
        {
          path: 'target',
          message: `must be one of ${SEGMENT_TARGETS.join(', ')}`,
          reason: 'invalid_enum_value',
        },
      ],
    },
  );
}

async function checked(
  ctx: CustomersContext,
  input: Record<string, unknown>,
  before: Segment | null,
) {
  const target = input.target ?? before?.target;
  const model = targetModel(ctx, target);
  const data: Record<string, unknown> = { ...input };
  if ('filter' in input || 'target' in input) {
    const filter = input.filter ?? before?.filter;
    const where = resolveSegmentFilter(model, filter, await ctx.scope.calendar());
    await validateFilter(ctx.scope, model, where);
  }
  if (input.columns !== undefined && input.columns !== null) {
    if (!Array.isArray(input.columns)) {
      throw new SellkitError('VALIDATION_FAILED', 'columns must be a list of field names', {
        issues: [
          { path: 'columns', message: 'must be a list of field names', reason: 'invalid_type' },
        ],
      });
    }
    data.columns = checkColumns(model, input.columns);
  } else if ('target' in input && before && input.target !== before.target) {
    data.columns = [];
  }
  if (typeof data.name === 'string') data.name = data.name.trim();
  return data;
}

/** The segment service bound to a context. */
export function segmentService(ctx: CustomersContext): SegmentService {
  const { scope } = ctx;
  const records = () => scope.records(models(scope).segment);

  async function readable(id: string): Promise<Segment> {
    const { segment } = models(scope);
    // internal: a shared segment is read by all; the owner's reach is checked for the others
    const found = await scope.internal(segment).get(id);
    if (!found) throw notFound('segment', id);
    if (!found.shared) await scope.assertCan('read', segment, found);
    return found;
  }

  async function members(segment: { target: SegmentTarget; filter: unknown }) {
    const model = targetModel(ctx, segment.target);
    const where = resolveSegmentFilter(model, segment.filter, await scope.calendar());
    return { model, where };
  }

  async function page(
    segment: { target: SegmentTarget; filter: unknown },
    query: SegmentPageQuery<Company | Contact> = {},
  ): Promise<Page<Company | Contact>> {
    const { model, where } = await members(segment);
    return scope.records(model).find({
      where,
      orderBy: query.orderBy ?? [{ field: model.name === 'company' ? 'name' : 'lastName' }],
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.after === undefined ? {} : { after: query.after }),
    } as FindQuery) as Promise<Page<Company | Contact>>;
  }

  function lines(id: string): AsyncIterable<string> {
    return {
      async *[Symbol.asyncIterator]() {
        const segment = await readable(id);
        const { model, where } = await members(segment);
        const columns =
          segment.columns.length > 0 ? segment.columns : DEFAULT_EXPORT_COLUMNS[segment.target];
        yield* exportCsvLines(scope, model, where, checkColumns(model, columns));
      },
    };
  }

  function exportCsv(id: string): AsyncIterable<string>;
  function exportCsv(
    id: string,
    writable: Writable,
    options?: ExportStreamOptions,
  ): Promise<{ rows: number }>;
  function exportCsv(
    id: string,
    writable?: Writable,
    options?: ExportStreamOptions,
  ): AsyncIterable<string> | Promise<{ rows: number }> {
    return writable ? pipeLines(lines(id), writable, options) : lines(id);
  }

  return {
    async save(input) {
      const raw = requireObject(input, 'a segment', 'segment');
      const data = await checked(ctx, raw, null);
      // The fields are the caller's: storage validates each against the model.
      return records().create(data as InferCreate<typeof segment>);
    },
    async update(id, patch) {
      const raw = requireObject(patch, 'a patch', 'segment');
      return scope.transaction(async (tx) => {
        const before = await tx.records(models(tx).segment).get(id);
        const data = await checked(ctx, raw, before);
        return tx.records(models(tx).segment).update(id, data as InferPatch<typeof segment>, {
          current: before,
        });
      });
    },
    delete: (id) => records().delete(id),
    get: readable,
    async list() {
      const { segment } = models(scope);
      const reach = await scope.reach('read', segment);
      const own = reachWhere(reach, segment);
      const where: Where | undefined = own ? { or: [own, { shared: true }] } : undefined;
      // internal: the actor's own segments (filtered by reach here) and every shared one
      const result = await scope.internal(segment).find({
        ...(where ? { where } : {}),
        orderBy: [{ field: 'name' }],
        limit: 10_000,
      });
      return result.rows.filter((row) => row.shared || reachIncludes(reach, segment, row));
    },
    async run(id, query) {
      return page(await readable(id), query);
    },
    async count(id) {
      const { model, where } = await members(await readable(id));
      return scope.records(model).count(where);
    },
    exportCsv,
    async preview(target, filter, query) {
      if (!isPlainObject(filter)) {
        throw new SellkitError('VALIDATION_FAILED', 'filter must be an object', {
          issues: [{ path: 'filter', message: 'must be an object', reason: 'invalid_type' }],
        });
      }
      const model = targetModel(ctx, target);
      await validateFilter(
        scope,
        model,
        resolveSegmentFilter(model, filter, await scope.calendar()),
      );
      return page({ target, filter }, query);
    },
  };
}
