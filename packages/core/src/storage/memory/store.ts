import { SellkitError } from '../../errors/sellkit-error.js';
import type { FlatRow } from '../driver.js';
import type { IndexLayout, TableLayout } from '../layout.js';

/** Marks a row deleted inside an overlay. */
export const DELETED = Symbol('deleted');
type Slot = FlatRow | typeof DELETED;

/** Rows of one table of one tenant, plus its unique indexes (index name → key → id). */
interface TableState {
  readonly rows: Map<string, Slot>;
  readonly unique: Map<string, Map<string, string>>;
}

/**
 * One layer of state: the committed base, or a transaction/savepoint overlay on top of its
 * parent. An overlay only holds what it changed (copy-on-write), so opening a transaction costs
 * nothing and rolling back is dropping the layer.
 */
export interface Layer {
  readonly parent: Layer | null;
  readonly tables: Map<string, TableState>;
  readonly sequences: Map<string, number>;
}

export function createLayer(parent: Layer | null): Layer {
  return { parent, tables: new Map(), sequences: new Map() };
}

/** The key of one tenant's table. */
export function tableKey(tenantId: string, table: string): string {
  return `${tenantId}\u0000${table}`;
}

function encode(value: unknown): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value}${value}`;
  return `j${JSON.stringify(value)}`;
}

/** The unique-index key of a row, or null when a column is null (nulls never collide). */
export function indexKey(index: IndexLayout, row: FlatRow): string | null {
  let key = '';
  for (const column of index.columns) {
    const value = row[column];
    if (value === null || value === undefined) return null;
    key += `${encode(value)}\u0001`;
  }
  return key;
}

function tableIn(layer: Layer, key: string, create: boolean): TableState | undefined {
  let table = layer.tables.get(key);
  if (!table && create) {
    table = { rows: new Map(), unique: new Map() };
    layer.tables.set(key, table);
  }
  return table;
}

/** The row as `layer` sees it (its own changes first, then its parents'). */
export function readRow(layer: Layer, key: string, id: string): FlatRow | undefined {
  for (let current: Layer | null = layer; current; current = current.parent) {
    const slot = current.tables.get(key)?.rows.get(id);
    if (slot === DELETED) return undefined;
    if (slot) return slot;
  }
  return undefined;
}

/** Every row of a table as `layer` sees it. */
export function* readRows(layer: Layer, key: string): Generator<FlatRow> {
  const chain: Layer[] = [];
  for (let current: Layer | null = layer; current; current = current.parent) chain.unshift(current);
  const [base, ...overlays] = chain as [Layer, ...Layer[]];
  if (overlays.length === 0) {
    const table = base.tables.get(key);
    if (table) for (const slot of table.rows.values()) if (slot !== DELETED) yield slot;
    return;
  }
  // Overlays are small: merge them (inner wins), then walk the base once.
  const changed = new Map<string, Slot>();
  for (const overlay of overlays) {
    const table = overlay.tables.get(key);
    if (table) for (const [id, slot] of table.rows) changed.set(id, slot);
  }
  const table = base.tables.get(key);
  if (table) {
    for (const [id, slot] of table.rows) {
      if (slot !== DELETED && !changed.has(id)) yield slot;
    }
  }
  for (const slot of changed.values()) if (slot !== DELETED) yield slot;
}

/** The id owning a unique key as `layer` sees it, if any. */
function owner(layer: Layer, key: string, index: IndexLayout, value: string): string | undefined {
  for (let current: Layer | null = layer; current; current = current.parent) {
    const id = current.tables.get(key)?.unique.get(index.name)?.get(value);
    // An index entry may be stale (the row changed or went since): check the row itself.
    if (id !== undefined) {
      const row = readRow(layer, key, id);
      if (row && indexKey(index, row) === value) return id;
    }
  }
  return undefined;
}

function conflict(layout: TableLayout, index: IndexLayout | null, id: string): SellkitError {
  const columns = index ? index.columns : ['id'];
  return new SellkitError(
    'CONFLICT',
    `${layout.model}: another record already has the same ${columns.join(', ')}`,
    { model: layout.model, table: layout.table, index: index?.name ?? 'primary', columns, id },
  );
}

/**
 * Checks that `rows` can be written without breaking the primary key or a unique index, given
 * what `layer` sees and the other rows of the same batch. `replacing` rows keep their ids.
 */
export function checkUnique(
  layer: Layer,
  key: string,
  layout: TableLayout,
  rows: readonly FlatRow[],
  replacing: boolean,
): void {
  const batchIds = new Set<string>();
  const batchKeys = new Map<string, Set<string>>();
  for (const row of rows) {
    const id = row.id as string;
    if (!replacing && (batchIds.has(id) || readRow(layer, key, id)))
      throw conflict(layout, null, id);
    batchIds.add(id);
    for (const index of layout.indexes) {
      if (!index.unique) continue;
      const value = indexKey(index, row);
      if (value === null) continue;
      const holder = owner(layer, key, index, value);
      if (holder !== undefined && holder !== id) throw conflict(layout, index, id);
      let seen = batchKeys.get(index.name);
      if (!seen) {
        seen = new Set();
        batchKeys.set(index.name, seen);
      }
      if (seen.has(value)) throw conflict(layout, index, id);
      seen.add(value);
    }
  }
}

/** Writes a row (or a deletion) into `layer`, keeping its unique indexes current. */
export function writeRow(
  layer: Layer,
  key: string,
  layout: TableLayout,
  id: string,
  slot: Slot,
): void {
  const table = tableIn(layer, key, true) as TableState;
  if (layer.parent === null) {
    // The base keeps exact indexes: drop the old row's keys before adding the new ones.
    const old = table.rows.get(id);
    if (old && old !== DELETED) {
      for (const index of layout.indexes) {
        if (!index.unique) continue;
        const value = indexKey(index, old);
        if (value !== null && table.unique.get(index.name)?.get(value) === id) {
          table.unique.get(index.name)?.delete(value);
        }
      }
    }
    if (slot === DELETED) {
      table.rows.delete(id);
      return;
    }
  }
  table.rows.set(id, slot);
  if (slot === DELETED) return;
  for (const index of layout.indexes) {
    if (!index.unique) continue;
    const value = indexKey(index, slot);
    if (value === null) continue;
    let entries = table.unique.get(index.name);
    if (!entries) {
      entries = new Map();
      table.unique.set(index.name, entries);
    }
    entries.set(value, id);
  }
}

/** A sequence's current value as `layer` sees it (0 before the first call). */
export function readSequence(layer: Layer, key: string): number {
  for (let current: Layer | null = layer; current; current = current.parent) {
    const value = current.sequences.get(key);
    if (value !== undefined) return value;
  }
  return 0;
}

/** Folds an overlay's changes into its parent (commit of a transaction or savepoint). */
export function mergeInto(child: Layer, layouts: ReadonlyMap<string, TableLayout>): void {
  const parent = child.parent;
  if (!parent) return;
  for (const [key, table] of child.tables) {
    const layout = layouts.get(key.slice(key.indexOf('\u0000') + 1));
    if (!layout) continue;
    for (const [id, slot] of table.rows) writeRow(parent, key, layout, id, slot);
  }
  for (const [key, value] of child.sequences) parent.sequences.set(key, value);
}
