import type { FindQuery, InferCreate, InferPatch, Page, WriteOptions } from '@sellkit/core';
import type { Territory, TerritoryAssignment, territory } from './territory-models.js';

// The territory service's public types, apart from the two files that implement it, so that
// neither implementation file has to import the other's types.

/** What assigning a rep to a territory takes. Dates are `YYYY-MM-DD`; `validTo` is exclusive. */
export interface TerritoryAssignmentInput {
  repId: string;
  territoryId: string;
  /** First day (default today). */
  validFrom?: string | Date;
  /** First day no longer assigned (default: open-ended). */
  validTo?: string | Date | null;
}

/** What `territories.moveRep` did. */
export interface TerritoryChange {
  ended: TerritoryAssignment[];
  assignment: TerritoryAssignment;
}

/** What creating a territory takes. */
export type TerritoryInput = Omit<InferCreate<typeof territory>, 'id'>;
/** What updating a territory takes. */
export type TerritoryPatch = InferPatch<typeof territory>;

/**
 * The territory tree and who covers which territory when (`crm.as(ctx).team.territories`).
 * Assignment periods are effective-dated: `validFrom` is the first day, `validTo` the first
 * day no longer assigned (exclusive, null for open-ended).
 */
export interface TerritoryService {
  /**
   * Creates a territory, under `parentId` if given. Codes are unique (`CONFLICT`).
   *
   * @example
   * ```ts
   * const emea = await admin.team.territories.create({ name: 'EMEA', code: 'EMEA' });
   * const dach = await admin.team.territories.create({ name: 'DACH', code: 'DACH', parentId: emea.id });
   * ```
   */
  create(input: TerritoryInput): Promise<Territory>;
  /**
   * Changes a territory; moving it under one of its own descendants is refused.
   *
   * @example
   * ```ts
   * await admin.team.territories.update(id, { name: 'Central Europe' });
   * ```
   */
  update(id: string, patch: TerritoryPatch, writeOptions?: WriteOptions): Promise<Territory>;
  /**
   * A territory by id.
   *
   * @example
   * ```ts
   * const west = await admin.team.territories.get(id);
   * ```
   */
  get(id: string): Promise<Territory>;
  /**
   * A page of territories, by name unless the query says otherwise.
   *
   * @example
   * ```ts
   * const { rows } = await admin.team.territories.list({ limit: 100 });
   * ```
   */
  list(page?: FindQuery<Territory>): Promise<Page<Territory>>;
  /**
   * The territories above one, nearest first.
   *
   * @example
   * ```ts
   * const above = await admin.team.territories.ancestors(id); // [DACH's parent, ..., the root]
   * ```
   */
  ancestors(id: string): Promise<Territory[]>;
  /**
   * Every territory beneath one, nearest first.
   *
   * @example
   * ```ts
   * const below = await admin.team.territories.descendants(id);
   * ```
   */
  descendants(id: string): Promise<Territory[]>;
  /**
   * Assigns an active rep to a territory over a period. Periods of the same rep and territory
   * must not overlap (`VALIDATION_FAILED`, reason `overlapping_period`). Emits
   * `rep.territoryChanged`.
   *
   * @example
   * ```ts
   * const ana = await admin.team.reps.create({ userId: 'u-17', name: 'Ana Ruiz' });
   * const west = await admin.team.territories.create({ name: 'West', code: 'WEST' });
   * await admin.team.territories.assign({ repId: ana.id, territoryId: west.id, validFrom: '2025-01-01' });
   * ```
   */
  assign(input: TerritoryAssignmentInput): Promise<TerritoryAssignment>;
  /**
   * Changes the dates of an assignment (e.g. ends it); overlaps are refused.
   *
   * @example
   * ```ts
   * await admin.team.territories.updateAssignment(id, { validTo: '2025-07-01' });
   * ```
   */
  updateAssignment(
    id: string,
    patch: { validFrom?: string | Date; validTo?: string | Date | null },
  ): Promise<TerritoryAssignment>;
  /**
   * Moves a rep to another territory from a day (default today): their assignments covering
   * that day end on it, and a new open-ended one starts. An assignment that started that very
   * day is re-pointed instead (it never took effect). `leaving` limits the territories left.
   *
   * @example
   * ```ts
   * const { ended, assignment } = await admin.team.territories.moveRep('rep_1', id, {
   *   on: '2025-07-01',
   * });
   * ```
   */
  moveRep(
    repId: string,
    territoryId: string,
    when?: {
      on?: string | Date;
      /** Only leave these territories (default: every territory the rep has that day). */
      leaving?: readonly string[];
    },
  ): Promise<TerritoryChange>;
  /**
   * Assignments the actor may read, filtered by rep, territory and/or a day they cover.
   *
   * @example
   * ```ts
   * const current = await admin.team.territories.assignments({ territoryId: id, at: '2025-06-30' });
   * ```
   */
  assignments(filter?: {
    repId?: string;
    territoryId?: string;
    at?: string | Date;
  }): Promise<TerritoryAssignment[]>;
  /**
   * The territory a rep (by user id) had on a day (default today), within the actor's reach;
   * with several, the one that started last.
   *
   * @example
   * ```ts
   * const then = await admin.team.territories.of('u-17', '2024-12-31');
   * ```
   */
  of(repUserId: string, at?: string | Date): Promise<string | null>;
  /**
   * Every territory a rep (by user id) had on a day, latest start first, within the actor's
   * reach.
   *
   * @example
   * ```ts
   * const all = await admin.team.territories.allOf('u-17');
   * ```
   */
  allOf(repUserId: string, at?: string | Date): Promise<string[]>;
}
