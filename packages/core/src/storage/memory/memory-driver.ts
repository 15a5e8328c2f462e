import { AsyncLocalStorage } from 'node:async_hooks';
import { SellkitError } from '../../errors/sellkit-error.js';
import { createMutex, type Mutex } from '../../kit/mutex.js';
import type { DriverSession, FlatRow, SetupReport, StorageDriver } from '../driver.js';
import type { TableLayout } from '../layout.js';
import { aggregateRows } from './aggregate.js';
import { rowCopier } from './copy.js';
import { compileFilter, sortRows } from './predicate.js';
import {
  checkUnique,
  createLayer,
  DELETED,
  type Layer,
  mergeInto,
  readRow,
  readRows,
  readSequence,
  tableKey,
  writeRow,
} from './store.js';

interface Shared {
  readonly base: Layer;
  readonly layouts: Map<string, TableLayout>;
  readonly copiers: Map<string, (row: FlatRow) => FlatRow>;
  /** Held by the one open root transaction, and briefly by each write outside transactions. */
  readonly writeLock: Mutex;
  /** Marks the async flow of the open root transaction (see {@link selfWait}). */
  readonly flow: AsyncLocalStorage<object>;
  holder: object | null;
}

/**
 * A write outside the transaction issued from inside it would wait for the transaction, which
 * waits for the write: a silent hang. Refuse it with an explanation instead.
 */
function selfWait(shared: Shared): void {
  const current = shared.flow.getStore();
  if (current !== undefined && current === shared.holder) {
    throw new SellkitError(
      'STORAGE_FAILURE',
      'a write outside the transaction was started from inside it and would wait for itself; use the transaction handle (tx) inside transaction()',
    );
  }
}

function copierOf(shared: Shared, layout: TableLayout): (row: FlatRow) => FlatRow {
  const known = shared.layouts.get(layout.table);
  if (!known) {
    throw new SellkitError(
      'STORAGE_FAILURE',
      `table ${layout.table} does not exist; run setup first`,
      {
        table: layout.table,
      },
    );
  }
  return shared.copiers.get(layout.table) as (row: FlatRow) => FlatRow;
}

function checkNotNull(layout: TableLayout, row: FlatRow): void {
  for (const column of layout.columns) {
    const value = row[column.name];
    if (!column.nullable && (value === null || value === undefined)) {
      throw new SellkitError('STORAGE_FAILURE', `${layout.table}.${column.name} cannot be null`, {
        table: layout.table,
        column: column.name,
      });
    }
  }
}

/** Differences between a table and its new layout that cannot be applied without losing data. */
function destructiveChanges(old: TableLayout, next: TableLayout): string[] {
  const problems: string[] = [];
  const columns = new Map(next.columns.map((column) => [column.name, column]));
  for (const column of old.columns) {
    const replacement = columns.get(column.name);
    if (!replacement) problems.push(`${old.table}.${column.name} would be dropped`);
    else if (replacement.type !== column.type) {
      problems.push(
        `${old.table}.${column.name} would change type from ${column.type} to ${replacement.type}`,
      );
    } else if (column.nullable && !replacement.nullable) {
      problems.push(`${old.table}.${column.name} would become required`);
    }
  }
  return problems;
}

function setupTables(shared: Shared, tables: readonly TableLayout[], dryRun: boolean): SetupReport {
  const statements: string[] = [];
  const problems: string[] = [];
  for (const layout of tables) {
    const old = shared.layouts.get(layout.table);
    if (!old) {
      statements.push(
        `create table ${layout.table} (${layout.columns.map((column) => column.name).join(', ')})`,
      );
      for (const index of layout.indexes)
        statements.push(`create ${index.unique ? 'unique ' : ''}index ${index.name}`);
      continue;
    }
    problems.push(...destructiveChanges(old, layout));
    const oldColumns = new Set(old.columns.map((column) => column.name));
    for (const column of layout.columns) {
      if (!oldColumns.has(column.name))
        statements.push(`alter table ${layout.table} add column ${column.name}`);
    }
    const oldIndexes = new Set(old.indexes.map((index) => index.name));
    for (const index of layout.indexes) {
      if (!oldIndexes.has(index.name))
        statements.push(`create ${index.unique ? 'unique ' : ''}index ${index.name}`);
    }
  }
  if (problems.length > 0) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `setup refused destructive changes: ${problems.join('; ')}`,
      {
        problems,
      },
    );
  }
  if (!dryRun) {
    for (const layout of tables) {
      shared.layouts.set(layout.table, layout);
      shared.copiers.set(layout.table, rowCopier(layout));
    }
  }
  return { statements };
}

/**
 * A session over one layer: the base (outside transactions) or a transaction's overlay.
 * `finished` turns the session off once its transaction has committed or rolled back.
 */
function session(shared: Shared, layer: Layer | null, state: { finished: boolean }): DriverSession {
  const current = (): Layer => {
    if (state.finished) {
      throw new SellkitError('STORAGE_FAILURE', 'this transaction has already finished');
    }
    return layer ?? shared.base;
  };
  const savepointLock = createMutex();
  // Outside a transaction a write waits for the open transaction, then applies to the base.
  const write = async <T>(work: (target: Layer) => T): Promise<T> => {
    if (layer) return work(current());
    selfWait(shared);
    const release = await shared.writeLock.lock();
    try {
      return work(shared.base);
    } finally {
      release();
    }
  };
  const self: DriverSession = {
    get inTransaction() {
      return layer !== null;
    },
    async insert(tenantId, table, rows) {
      const copy = copierOf(shared, table);
      const copies = rows.map(copy);
      for (const row of copies) checkNotNull(table, row);
      const key = tableKey(tenantId, table.table);
      await write((target) => {
        checkUnique(target, key, table, copies, false);
        for (const row of copies) writeRow(target, key, table, row.id as string, row);
      });
    },
    async get(tenantId, table, id) {
      const copy = copierOf(shared, table);
      const row = readRow(current(), tableKey(tenantId, table.table), id);
      return row ? copy(row) : null;
    },
    async getMany(tenantId, table, ids) {
      const copy = copierOf(shared, table);
      const view = current();
      const key = tableKey(tenantId, table.table);
      const found: FlatRow[] = [];
      for (const id of new Set(ids)) {
        const row = readRow(view, key, id);
        if (row) found.push(copy(row));
      }
      return found;
    },
    async find(tenantId, table, query) {
      const copy = copierOf(shared, table);
      const matches = compileFilter(query.where);
      const rows: FlatRow[] = [];
      for (const row of readRows(current(), tableKey(tenantId, table.table)))
        if (matches(row)) rows.push(row);
      const types = new Map(table.columns.map((column) => [column.name, column.type]));
      const sorted = sortRows(
        rows,
        query.orderBy.map((sort) => ({
          column: sort.column,
          type: types.get(sort.column) ?? 'text',
          direction: sort.direction,
        })),
      );
      return sorted.slice(0, query.limit).map(copy);
    },
    async count(tenantId, table, where) {
      copierOf(shared, table);
      const matches = compileFilter(where);
      let count = 0;
      for (const row of readRows(current(), tableKey(tenantId, table.table)))
        if (matches(row)) count += 1;
      return count;
    },
    async update(tenantId, table, id, expectedVersion, changes) {
      const copy = copierOf(shared, table);
      const patch = copy(changes);
      const key = tableKey(tenantId, table.table);
      return write((target) => {
        const existing = readRow(target, key, id);
        if (!existing || existing.version !== expectedVersion) return null;
        const next: FlatRow = { ...existing };
        for (const name of Object.keys(changes)) next[name] = patch[name];
        next.id = id;
        checkNotNull(table, next);
        checkUnique(target, key, table, [next], true);
        writeRow(target, key, table, id, next);
        return copy(next);
      });
    },
    async delete(tenantId, table, id, expectedVersion) {
      copierOf(shared, table);
      const key = tableKey(tenantId, table.table);
      return write((target) => {
        const existing = readRow(target, key, id);
        if (!existing || existing.version !== expectedVersion) return false;
        writeRow(target, key, table, id, DELETED);
        return true;
      });
    },
    async aggregate(tenantId, table, query) {
      copierOf(shared, table);
      const matches = compileFilter(query.where);
      const rows: FlatRow[] = [];
      for (const row of readRows(current(), tableKey(tenantId, table.table)))
        if (matches(row)) rows.push(row);
      return aggregateRows(table, rows, query);
    },
    async nextSequenceValue(tenantId, name) {
      const key = `${tenantId}\u0000${name}`;
      return write((target) => {
        const next = readSequence(target, key) + 1;
        target.sequences.set(key, next);
        return next;
      });
    },
    async transaction(work) {
      // Root: one transaction at a time (serialisable). Nested: a savepoint over this layer.
      const parent = layer ? current() : null;
      if (!parent) selfWait(shared);
      const release = await (parent ? savepointLock : shared.writeLock).lock();
      const overlay = createLayer(parent ?? shared.base);
      const inner = { finished: false };
      const token = {};
      if (!parent) shared.holder = token;
      try {
        const child = session(shared, overlay, inner);
        const result = parent ? await work(child) : await shared.flow.run(token, () => work(child));
        if (layer) current(); // the outer transaction may have finished meanwhile
        mergeInto(overlay, shared.layouts);
        return result;
      } finally {
        inner.finished = true;
        if (!parent) shared.holder = null;
        release();
      }
    },
  };
  return self;
}

/**
 * The in-memory driver: real isolation and atomicity without a database. One transaction runs at
 * a time (others, and writes outside transactions, wait for it); reads outside transactions see
 * committed data only; a transaction writes into a copy-on-write overlay that is merged on commit
 * and dropped on rollback; nested transactions are overlays on overlays (savepoints).
 *
 * @example
 * ```ts
 * const adapter = createStorage(memoryDriver()); // what memory() does
 * await adapter.setup([auditEntryModel]);
 * ```
 */
export function memoryDriver(): StorageDriver {
  const shared: Shared = {
    base: createLayer(null),
    layouts: new Map(),
    copiers: new Map(),
    writeLock: createMutex(),
    flow: new AsyncLocalStorage<object>(),
    holder: null,
  };
  const root = session(shared, null, { finished: false });
  let closed = false;
  return {
    name: 'memory',
    get inTransaction() {
      return false;
    },
    insert: (...args) => (closed ? Promise.reject(closedError()) : root.insert(...args)),
    get: (...args) => root.get(...args),
    getMany: (...args) => root.getMany(...args),
    find: (...args) => root.find(...args),
    count: (...args) => root.count(...args),
    update: (...args) => (closed ? Promise.reject(closedError()) : root.update(...args)),
    delete: (...args) => (closed ? Promise.reject(closedError()) : root.delete(...args)),
    aggregate: (...args) => root.aggregate(...args),
    nextSequenceValue: (...args) =>
      closed ? Promise.reject(closedError()) : root.nextSequenceValue(...args),
    transaction: (work) => (closed ? Promise.reject(closedError()) : root.transaction(work)),
    async setup(tables, options) {
      return setupTables(shared, tables, options?.dryRun === true);
    },
    async close() {
      closed = true;
    },
  };
}

function closedError(): SellkitError {
  return new SellkitError('STORAGE_FAILURE', 'the memory storage is closed');
}
