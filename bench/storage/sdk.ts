import { Money, newId, type StorageAdapter } from '@sellkit/core';
import { tableLayout } from '@sellkit/core/driver';
import type { KyselyStorageDriver } from '@sellkit/storage-kysely';
import {
  benchCustomer,
  benchOrderLine,
  type CustomerData,
  centsToDecimal,
  type OrderLineData,
} from './data.js';

const TENANT = 'bench';

/** What the benchmark measures through the SDK (createStorage + the Kysely driver). */
export interface SdkSide {
  insertCustomers(rows: readonly CustomerData[]): Promise<string[]>;
  get(ids: readonly string[], order: readonly number[]): Promise<void>;
  insertOrderLines(rows: readonly OrderLineData[]): Promise<void>;
  aggregate(): Promise<number>;
}

/** The driver alone (flat rows, no kernel): how much of the SDK's time is the driver's. */
export interface DriverSide {
  insertCustomers(rows: readonly CustomerData[]): Promise<string[]>;
  get(ids: readonly string[], order: readonly number[]): Promise<void>;
}

/** The driver side: flat rows as the kernel would hand them over. */
export function driverSide(driver: KyselyStorageDriver): DriverSide {
  const layout = tableLayout(benchCustomer);
  return {
    async insertCustomers(rows) {
      const now = new Date();
      const flat = rows.map((row) => ({
        id: newId('bcus'),
        version: 1,
        created_at: now,
        updated_at: now,
        name: row.name,
        email: row.email,
        industry: row.industry,
        employees: row.employees,
        annual_revenue: `${centsToDecimal(row.revenueCents)}00`,
        annual_revenue_currency: 'EUR',
        active: row.active,
      }));
      await driver.transaction((tx) => tx.insert(TENANT, layout, flat));
      return flat.map((row) => row.id);
    },
    async get(ids, order) {
      for (const index of order) {
        const found = await driver.get(TENANT, layout, ids[index] as string);
        if (!found) throw new Error('missing customer');
      }
    },
  };
}

/** The SDK side on an adapter that has been set up with the bench models. */
export function sdkSide(adapter: StorageAdapter): SdkSide {
  const storage = adapter.forTenant(TENANT);
  return {
    async insertCustomers(rows) {
      const records = await storage.insert(
        benchCustomer,
        rows.map((row) => ({
          name: row.name,
          email: row.email,
          industry: row.industry,
          employees: row.employees,
          annualRevenue: Money.of(centsToDecimal(row.revenueCents), 'EUR'),
          active: row.active,
        })),
      );
      return records.map((record) => record.id);
    },
    async get(ids, order) {
      for (const index of order) {
        const found = await storage.get(benchCustomer, ids[index] as string);
        if (!found) throw new Error('missing customer');
      }
    },
    async insertOrderLines(rows) {
      await storage.insert(
        benchOrderLine,
        rows.map((row) => ({
          territoryId: row.territoryId,
          closedAt: row.closedAt,
          revenue: Money.of(centsToDecimal(row.revenueCents), row.currency),
          quantity: row.quantity,
        })),
      );
    },
    async aggregate() {
      const groups = await storage.aggregate(benchOrderLine, {
        groupBy: [
          { field: 'closedAt', bucket: 'month', as: 'month' },
          'territoryId',
          'revenue.currency',
        ],
        measures: { revenue: { fn: 'sum', field: 'revenue' } },
      });
      return groups.length;
    },
  };
}
