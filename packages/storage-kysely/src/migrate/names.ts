import { createHash } from 'node:crypto';
import type { IndexLayout, TableLayout } from '@sellkit/core/driver';
import { TENANT_COLUMN } from '../sql/table-plan.js';

/** PostgreSQL truncates identifiers beyond 63 bytes; longer names are shortened with a hash. */
export const MAX_IDENTIFIER_LENGTH = 63;

/** Tables the driver keeps for itself (`sk_migrations` also marks a database as Sellkit's). */
export const MIGRATIONS_TABLE = 'sk_migrations';
export const SEQUENCE_TABLE = 'sk_sequence';

/** A deterministic name of at most 63 bytes: long names keep a prefix and gain a short hash. */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_LENGTH) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  let prefix = name.slice(0, MAX_IDENTIFIER_LENGTH - 9);
  while (Buffer.byteLength(prefix) > MAX_IDENTIFIER_LENGTH - 9) prefix = prefix.slice(0, -1);
  return `${prefix}_${hash}`;
}

/** The database name of a layout index. */
export function indexName(index: IndexLayout): string {
  return fitIdentifier(index.name);
}

/** Index columns as created: the tenant first, so every index serves one tenant's rows. */
export function indexColumns(index: IndexLayout): string[] {
  return [TENANT_COLUMN, ...index.columns];
}

/** A checksum of the layouts a setup was asked for (order-independent). */
export function layoutChecksum(tables: readonly TableLayout[]): string {
  const sorted = [...tables].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
