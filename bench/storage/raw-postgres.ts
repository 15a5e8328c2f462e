import { newId } from '@sellkit/core';
import pg from 'pg';
import { type CustomerData, centsToDecimal, type OrderLineData } from './data.js';
import type { RawSide } from './raw.js';

const TENANT = 'bench';
const CHUNK = 1_000;

function valuesList(rows: number, columns: number): string {
  const out: string[] = [];
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let column = 1; column <= columns; column++) cells.push(`$${row * columns + column}`);
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}

/**
 * The same work written by hand on pg: named prepared statements, multi-row inserts of 1,000
 * rows in one transaction per batch, one connection for lookups.
 */
export async function rawPostgres(url: string, schema: string): Promise<RawSide> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  const client = await pool.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  await client.query(`
    CREATE TABLE raw_customer (tenant_id TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
      created_at TIMESTAMPTZ(3) NOT NULL, updated_at TIMESTAMPTZ(3) NOT NULL, name TEXT NOT NULL,
      email TEXT, industry TEXT, employees BIGINT, annual_revenue NUMERIC(24,4),
      annual_revenue_currency TEXT, active BOOLEAN, PRIMARY KEY (tenant_id, id));
    CREATE TABLE raw_order_line (tenant_id TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL,
      created_at TIMESTAMPTZ(3) NOT NULL, updated_at TIMESTAMPTZ(3) NOT NULL, territory_id TEXT NOT NULL,
      closed_at TIMESTAMPTZ(3) NOT NULL, revenue NUMERIC(24,4) NOT NULL, revenue_currency TEXT NOT NULL,
      quantity BIGINT NOT NULL, PRIMARY KEY (tenant_id, id));
    CREATE INDEX raw_order_line_territory ON raw_order_line (tenant_id, territory_id);`);
  const customerColumns =
    'tenant_id, id, version, created_at, updated_at, name, email, industry, employees, annual_revenue, annual_revenue_currency, active';
  const lineColumns =
    'tenant_id, id, version, created_at, updated_at, territory_id, closed_at, revenue, revenue_currency, quantity';

  async function chunked<T>(
    rows: readonly T[],
    table: string,
    columns: string,
    width: number,
    cells: (row: T, now: Date) => unknown[],
  ) {
    await client.query('BEGIN');
    try {
      const now = new Date();
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        await client.query({
          name: `raw_${table}_${chunk.length}`,
          text: `INSERT INTO ${table} (${columns}) VALUES ${valuesList(chunk.length, width)}`,
          values: chunk.flatMap((row) => cells(row, now)),
        });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }

  return {
    async insertCustomers(rows) {
      const ids = rows.map(() => newId('bcus'));
      let at = 0;
      await chunked(rows, 'raw_customer', customerColumns, 12, (row: CustomerData, now) => [
        TENANT,
        ids[at++],
        1,
        now,
        now,
        row.name,
        row.email,
        row.industry,
        row.employees,
        centsToDecimal(row.revenueCents),
        'EUR',
        row.active,
      ]);
      return ids;
    },
    async get(ids, order) {
      for (const index of order) {
        const { rows } = await client.query({
          name: 'raw_get_customer',
          text: 'SELECT * FROM raw_customer WHERE tenant_id = $1 AND id = $2',
          values: [TENANT, ids[index]],
        });
        const row = rows[0] as Record<string, unknown> | undefined;
        if (!row) throw new Error('missing customer');
        const customer = {
          id: row.id,
          version: Number(row.version),
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          name: row.name,
          email: row.email,
          industry: row.industry,
          employees: row.employees === null ? null : Number(row.employees),
          annualRevenue: { amount: row.annual_revenue, currency: row.annual_revenue_currency },
          active: row.active,
        };
        if (!customer.id) throw new Error('bad row');
      }
    },
    async insertOrderLines(rows) {
      await chunked(rows, 'raw_order_line', lineColumns, 10, (row: OrderLineData, now) => [
        TENANT,
        newId('bol'),
        1,
        now,
        now,
        row.territoryId,
        row.closedAt,
        centsToDecimal(row.revenueCents),
        row.currency,
        row.quantity,
      ]);
    },
    async aggregate() {
      const { rows } = await client.query({
        name: 'raw_aggregate',
        text: `SELECT to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, territory_id, revenue_currency,
                 SUM(revenue)::text AS revenue
               FROM raw_order_line WHERE tenant_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        values: [TENANT],
      });
      return rows.length;
    },
    async close() {
      client.release();
      await pool.end();
    },
  };
}
