import { newId } from '@sellkit/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { CustomerData, OrderLineData } from './data.js';
import type { RawSide } from './raw.js';

const TENANT = 'bench';

/** A native SQLite binding with better-sqlite3's API (better-sqlite3 itself, or libsql). */
export type SqliteConstructor = new (file: string) => BetterSqlite3.Database;

/**
 * The same work written by hand on the same binding the SDK runs on, the way an application
 * would: a natural schema (money as integer cents), prepared statements, one transaction per
 * batch.
 */
export function rawSqlite(file: string, Database: SqliteConstructor): RawSide {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE raw_customer (tenant_id TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, name TEXT NOT NULL, email TEXT,
      industry TEXT, employees INTEGER, annual_revenue_cents INTEGER, annual_revenue_currency TEXT,
      active INTEGER, PRIMARY KEY (tenant_id, id));
    CREATE TABLE raw_order_line (tenant_id TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, territory_id TEXT NOT NULL,
      closed_at INTEGER NOT NULL, revenue_cents INTEGER NOT NULL, revenue_currency TEXT NOT NULL,
      quantity INTEGER NOT NULL, PRIMARY KEY (tenant_id, id));
    CREATE INDEX raw_order_line_territory ON raw_order_line (tenant_id, territory_id);
  `);
  const insertCustomer = db.prepare(
    'INSERT INTO raw_customer VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLine = db.prepare('INSERT INTO raw_order_line VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)');
  const getCustomer = db.prepare('SELECT * FROM raw_customer WHERE tenant_id = ? AND id = ?');
  const aggregate = db.prepare(`
    SELECT strftime('%Y-%m', closed_at / 1000, 'unixepoch') AS month, territory_id, revenue_currency,
      SUM(revenue_cents) AS revenue
    FROM raw_order_line WHERE tenant_id = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const customersTx = db.transaction((rows: readonly CustomerData[], ids: string[]) => {
    const now = Date.now();
    for (const row of rows) {
      const id = newId('bcus');
      ids.push(id);
      insertCustomer.run(
        TENANT,
        id,
        now,
        now,
        row.name,
        row.email,
        row.industry,
        row.employees,
        row.revenueCents,
        'EUR',
        row.active ? 1 : 0,
      );
    }
  });
  const linesTx = db.transaction((rows: readonly OrderLineData[]) => {
    const now = Date.now();
    for (const row of rows) {
      insertLine.run(
        TENANT,
        newId('bol'),
        now,
        now,
        row.territoryId,
        row.closedAt.getTime(),
        row.revenueCents,
        row.currency,
        row.quantity,
      );
    }
  });
  return {
    async insertCustomers(rows) {
      const ids: string[] = [];
      customersTx(rows, ids);
      return ids;
    },
    async get(ids, order) {
      for (const index of order) {
        const row = getCustomer.get(TENANT, ids[index]) as Record<string, unknown> | undefined;
        if (!row) throw new Error('missing customer');
        // What an application does with the row: turn it into its own object.
        const customer = {
          id: row.id,
          version: row.version,
          createdAt: new Date(row.created_at as number),
          updatedAt: new Date(row.updated_at as number),
          name: row.name,
          email: row.email,
          industry: row.industry,
          employees: row.employees,
          annualRevenue: { cents: row.annual_revenue_cents, currency: row.annual_revenue_currency },
          active: row.active === 1,
        };
        if (!customer.id) throw new Error('bad row');
      }
    },
    async insertOrderLines(rows) {
      linesTx(rows);
    },
    async aggregate() {
      return aggregate.all(TENANT).length;
    },
    async close() {
      db.close();
    },
  };
}
