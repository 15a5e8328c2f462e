import { type Clock, systemClock } from '../context/clock.js';
import { SellkitError, validationError } from '../errors/sellkit-error.js';
import type { InternalRecords } from '../kernel/internal-records.js';
import { defineModel, type InferRecord } from '../model/define-model.js';
import { field } from '../model/fields.js';
import type { Where } from '../storage/query.js';
import type { TenantStorage } from '../storage/storage.js';
import { defaultRegistry } from './compile.js';
import type { ScoringRegistry } from './registry.js';
import type { RuleSet } from './schema.js';
import { planRuleSet } from './validate.js';

/** Where a stored rule set stands: one draft, at most one published version, the rest archived. */
export type RuleSetStatus = 'draft' | 'published' | 'archived';

/**
 * The storage model of rule sets: one row per version (`ruleSetVersion`, null while a draft),
 * keyed by the rule set's own id (`ruleSetId`).
 */
export const scoringRuleSet = defineModel({
  name: 'scoringRuleSet',
  idPrefix: 'rls',
  description: 'Scoring rule sets and their published versions.',
  fields: {
    ruleSetId: field.text({ required: true, maxLength: 128, index: true }),
    ruleSetVersion: field.integer({ min: 1 }),
    status: field.enum(['draft', 'published', 'archived'] as const, { required: true }),
    definition: field.jsonOf<RuleSet>()({ required: true }),
    publishedAt: field.timestamp(),
  },
  indexes: [{ fields: ['ruleSetId', 'ruleSetVersion'], unique: true }],
});

type Row = InferRecord<typeof scoringRuleSet>;

/** A rule set as stored. */
export interface StoredRuleSet {
  /** The definition; once published, its `version` is the number the store assigned. */
  readonly ruleSet: RuleSet;
  readonly status: RuleSetStatus;
  /** Null for a draft. */
  readonly version: number | null;
  readonly publishedAt: Date | null;
  readonly savedAt: Date;
}

/** Saves, publishes and reads rule sets with their history. */
export interface RuleSetStore {
  /**
   * Validates and saves a draft (creating it, or replacing the rule set's current draft).
   * An invalid rule set is `VALIDATION_FAILED` and nothing is stored.
   */
  save(draft: unknown): Promise<StoredRuleSet>;
  /**
   * Publishes the draft as the next version (previous + 1) and archives the previously
   * published version, in one transaction. The draft is validated again first.
   */
  publish(id: string): Promise<StoredRuleSet>;
  /** A given version; without one, the draft if there is one, else the latest version. */
  get(id: string, version?: number): Promise<StoredRuleSet | null>;
  /** The published version, or null. */
  active(id: string): Promise<StoredRuleSet | null>;
  /** Every published or archived version, oldest first. */
  history(id: string): Promise<StoredRuleSet[]>;
}

function toStored(row: Row): StoredRuleSet {
  return {
    ruleSet: row.definition as RuleSet,
    status: row.status,
    version: row.ruleSetVersion,
    publishedAt: row.publishedAt,
    savedAt: row.updatedAt,
  };
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
    throw validationError('id', 'must be a rule set id (1 to 128 characters)', 'invalid_type');
  }
  return id;
}

type RuleSetRows = Pick<InternalRecords<typeof scoringRuleSet>, 'find' | 'insert' | 'update'>;

/**
 * Where a rule-set store keeps its rows: a tenant's storage, or a module's scope (through its
 * named internal door, so the writes are audited). `ModuleScope` fits.
 */
export interface RuleSetScope {
  internal(model: typeof scoringRuleSet): RuleSetRows;
  transaction<T>(work: (scope: RuleSetScope) => Promise<T>): Promise<T>;
}

function rowsOf(source: TenantStorage | RuleSetScope): RuleSetRows {
  if ('internal' in source) {
    // internal: rule sets are tenant configuration that scoring reads whatever the actor may see
    return source.internal(scoringRuleSet);
  }
  return {
    find: (query) => source.find(scoringRuleSet, query),
    insert: (records) => source.insert(scoringRuleSet, records),
    update: (id, patch, options) => source.update(scoringRuleSet, id, patch, options),
  };
}

function inTransaction<T>(
  source: TenantStorage | RuleSetScope,
  work: (rows: RuleSetRows) => Promise<T>,
): Promise<T> {
  return 'internal' in source
    ? source.transaction((scope) => work(rowsOf(scope)))
    : source.transaction((tx) => work(rowsOf(tx)));
}

async function first(storage: RuleSetRows, where: Where<Row>, newest = false): Promise<Row | null> {
  const page = await storage.find({
    where,
    orderBy: [{ field: 'ruleSetVersion', direction: newest ? 'desc' : 'asc' }],
    limit: 1,
  });
  return page.rows[0] ?? null;
}

const VERSIONED = { in: ['published', 'archived'] } as const;

/**
 * Creates a rule-set store over one tenant's storage, or over a module's scope (rows reached
 * through `scope.internal`, writes audited). The host runs `setup([scoringRuleSet])` on its
 * adapter first (the kernel does it for registered models).
 *
 * @example
 * ```ts
 * const store = createRuleSetStore(storage, registry);
 * const leadPriorityJson: unknown = JSON.parse('{"id": "lead-priority", "version": 1, "rules": []}');
 * await store.save(leadPriorityJson);
 * const { version } = await store.publish('lead-priority'); // 1, then 2, 3...
 * const active = await store.active('lead-priority');
 * const compiled = compileRuleSet(active!.ruleSet, { registry });
 * ```
 */
export function createRuleSetStore(
  source: TenantStorage | RuleSetScope,
  registry: ScoringRegistry = defaultRegistry(),
  options: { clock?: Clock } = {},
): RuleSetStore {
  const clock = options.clock ?? systemClock;
  const storage = rowsOf(source);
  return {
    async save(draft) {
      const { ruleSet } = planRuleSet(draft, registry);
      return inTransaction(source, async (tx) => {
        const existing = await first(tx, { ruleSetId: ruleSet.id, status: 'draft' });
        const row = existing
          ? await tx.update(
              existing.id,
              { definition: ruleSet },
              { expectedVersion: existing.version },
            )
          : (await tx.insert([{ ruleSetId: ruleSet.id, status: 'draft', definition: ruleSet }]))[0];
        return toStored(row as Row);
      });
    },

    async publish(id) {
      checkId(id);
      return inTransaction(source, async (tx) => {
        const draft = await first(tx, { ruleSetId: id, status: 'draft' });
        if (!draft) {
          throw new SellkitError(
            'NOT_FOUND',
            `rule set ${id.slice(0, 60)} has no draft to publish`,
            {
              model: scoringRuleSet.name,
              ruleSetId: id,
            },
          );
        }
        const latest = await first(tx, { ruleSetId: id, status: VERSIONED }, true);
        const version = (latest?.ruleSetVersion ?? 0) + 1;
        const { ruleSet } = planRuleSet({ ...(draft.definition as RuleSet), version }, registry);
        const current = await first(tx, { ruleSetId: id, status: 'published' });
        if (current) {
          await tx.update(current.id, { status: 'archived' }, { expectedVersion: current.version });
        }
        const published = await tx.update(
          draft.id,
          {
            status: 'published',
            ruleSetVersion: version,
            publishedAt: clock.now(),
            definition: ruleSet,
          },
          { expectedVersion: draft.version },
        );
        return toStored(published);
      });
    },

    async get(id, version) {
      checkId(id);
      if (version !== undefined) {
        if (!Number.isSafeInteger(version) || version < 1) {
          throw validationError('version', 'must be a positive integer', 'invalid_type');
        }
        const row = await first(storage, { ruleSetId: id, ruleSetVersion: version });
        return row && toStored(row);
      }
      const row =
        (await first(storage, { ruleSetId: id, status: 'draft' })) ??
        (await first(storage, { ruleSetId: id, status: VERSIONED }, true));
      return row && toStored(row);
    },

    async active(id) {
      checkId(id);
      const row = await first(storage, { ruleSetId: id, status: 'published' });
      return row && toStored(row);
    },

    async history(id) {
      checkId(id);
      const rows: StoredRuleSet[] = [];
      let after: string | undefined;
      do {
        const page = await storage.find({
          where: { ruleSetId: id, status: VERSIONED },
          orderBy: [{ field: 'ruleSetVersion', direction: 'asc' }],
          limit: 1000,
          ...(after === undefined ? {} : { after }),
        });
        rows.push(...page.rows.map(toStored));
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      return rows;
    },
  };
}
