import type { CustomerData, OrderLineData } from './data.js';

/** The hand-written side of the benchmark (same operations as the SDK side). */
export interface RawSide {
  insertCustomers(rows: readonly CustomerData[]): Promise<string[]>;
  get(ids: readonly string[], order: readonly number[]): Promise<void>;
  insertOrderLines(rows: readonly OrderLineData[]): Promise<void>;
  aggregate(): Promise<number>;
  close(): Promise<void>;
}
