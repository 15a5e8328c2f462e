/**
 * Storage benchmark: the SDK (createStorage + the Kysely driver) against hand-written SQL on the
 * same driver library, with the same data, in the same run. Prints one JSON line per dialect.
 *
 *   pnpm bench:storage            (starts a throwaway PostgreSQL unless SELLKIT_PG_URL is set)
 *
 * BENCH_CUSTOMERS, BENCH_GETS and BENCH_LINES scale the run down for a quick look.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgres, type SqliteDriverName, sqlite } from '@sellkit/storage-kysely';
import BetterSqlite3 from 'better-sqlite3';
import Libsql from 'libsql';
import pg from 'pg';
import { benchCustomer, benchOrderLine, customers, lookups, orderLines } from './data.js';
import type { RawSide } from './raw.js';
import { rawPostgres } from './raw-postgres.js';
import { rawSqlite, type SqliteConstructor } from './raw-sqlite.js';
import { type DriverSide, driverSide, type SdkSide, sdkSide } from './sdk.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const GETS = Number(process.env.BENCH_GETS ?? 50_000);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const BATCH = 10_000;

const log = (message: string) => process.stderr.write(`[bench:storage] ${message}\n`);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits));

async function insertAll(
  side: Pick<SdkSide, 'insertCustomers'>,
  rows: ReturnType<typeof customers>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    ids.push(...(await side.insertCustomers(rows.slice(start, start + BATCH))));
  }
  return ids;
}

async function compare(dialect: string, sdk: SdkSide, raw: RawSide, driver: DriverSide) {
  // Warm both paths (JIT, statement caches, page cache) on rows that are not measured.
  const warm = customers(2_000, 99);
  const warmSdk = await sdk.insertCustomers(warm);
  await driver.get(await driver.insertCustomers(warm), lookups(2_000, warm.length, 98));
  const warmRaw = await raw.insertCustomers(warm);
  await sdk.get(warmSdk, lookups(2_000, warmSdk.length, 98));
  await raw.get(warmRaw, lookups(2_000, warmRaw.length, 98));

  const data = customers(CUSTOMERS);
  log(`${dialect}: inserting ${CUSTOMERS} customers`);
  let rawIds: string[] = [];
  let sdkIds: string[] = [];
  const rawInsert = await timed(async () => {
    rawIds = await insertAll(raw, data);
  });
  const sdkInsert = await timed(async () => {
    sdkIds = await insertAll(sdk, data);
  });
  // The same rows once more, flat, straight into the driver and the SDK's table (which then
  // holds them twice: if anything, this pass pays for a slightly larger index).
  let driverIds: string[] = [];
  const driverInsert = await timed(async () => {
    driverIds = await insertAll(driver, data);
  });

  log(`${dialect}: ${GETS} gets by id`);
  const order = lookups(GETS, CUSTOMERS);
  const rawGet = await timed(() => raw.get(rawIds, order));
  const sdkGet = await timed(() => sdk.get(sdkIds, order));
  const driverGet = await timed(() => driver.get(driverIds, order));

  log(`${dialect}: inserting ${LINES} order lines`);
  let rawLines = 0;
  let sdkLines = 0;
  for (const batch of orderLines(LINES)) {
    rawLines += await timed(() => raw.insertOrderLines(batch));
    sdkLines += await timed(() => sdk.insertOrderLines(batch));
  }

  log(`${dialect}: aggregating`);
  const rawRuns: number[] = [];
  const sdkRuns: number[] = [];
  let groups = 0;
  for (let run = 0; run < 4; run++) {
    const rawTime = await timed(async () => {
      groups = await raw.aggregate();
    });
    const sdkTime = await timed(async () => {
      const sdkGroups = await sdk.aggregate();
      if (sdkGroups !== groups) throw new Error(`group counts differ: ${sdkGroups} vs ${groups}`);
    });
    // The first run only warms up.
    if (run > 0) {
      rawRuns.push(rawTime);
      sdkRuns.push(sdkTime);
    }
  }
  const aggregateMs = median(sdkRuns);
  const rawAggregateMs = median(rawRuns);
  return {
    bench: 'storage',
    dialect,
    customers: CUSTOMERS,
    gets: GETS,
    order_lines: LINES,
    groups,
    insert_rows_per_s: round(CUSTOMERS / (sdkInsert / 1000)),
    raw_insert_rows_per_s: round(CUSTOMERS / (rawInsert / 1000)),
    get_per_s: round(GETS / (sdkGet / 1000)),
    raw_get_per_s: round(GETS / (rawGet / 1000)),
    aggregate_ms: round(aggregateMs, 1),
    raw_aggregate_ms: round(rawAggregateMs, 1),
    ratio_insert: round(sdkInsert / rawInsert, 2),
    ratio_get: round(sdkGet / rawGet, 2),
    ratio_aggregate: round(aggregateMs / rawAggregateMs, 2),
    driver_insert_rows_per_s: round(CUSTOMERS / (driverInsert / 1000)),
    driver_get_per_s: round(GETS / (driverGet / 1000)),
    ratio_driver_insert: round(driverInsert / rawInsert, 2),
    ratio_driver_get: round(driverGet / rawGet, 2),
    order_lines_insert_rows_per_s: round(LINES / (sdkLines / 1000)),
    raw_order_lines_insert_rows_per_s: round(LINES / (rawLines / 1000)),
    node: process.version,
  };
}

const SQLITE_BINDINGS: Record<SqliteDriverName, SqliteConstructor> = {
  'better-sqlite3': BetterSqlite3,
  // libsql implements better-sqlite3's API; its bundled typings are an older copy of
  // @types/better-sqlite3 whose generics differ, hence the cast.
  libsql: Libsql as unknown as SqliteConstructor,
};

async function benchSqlite(driver: SqliteDriverName) {
  const directory = mkdtempSync(join(tmpdir(), 'sellkit-bench-'));
  const adapter = sqlite({ file: join(directory, 'sdk.db') }, { driver });
  const raw = rawSqlite(join(directory, 'raw.db'), SQLITE_BINDINGS[driver]);
  try {
    await adapter.setup([benchCustomer, benchOrderLine]);
    return await compare(`sqlite/${driver}`, sdkSide(adapter), raw, driverSide(adapter.driver));
  } finally {
    await adapter.close();
    await raw.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const [sdkSchema, rawSchema] = [`bench_sdk_${suffix}`, `bench_raw_${suffix}`];
  const adapter = postgres({ url }, { schema: sdkSchema });
  const raw = await rawPostgres(url, rawSchema);
  try {
    await adapter.setup([benchCustomer, benchOrderLine]);
    return await compare('postgres', sdkSide(adapter), raw, driverSide(adapter.driver));
  } finally {
    await adapter.close();
    await raw.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${sdkSchema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS "${rawSchema}" CASCADE`);
    await client.end();
  }
}

/**
 * SQLite on both bindings Sellkit supports, side by side in one line: better-sqlite3 (the
 * default when its binding builds) and libsql (the fallback that installs from the registry
 * alone), each against hand-written SQL on the same binding, plus the SDK on libsql over the
 * SDK on better-sqlite3.
 */
async function benchSqliteBindings() {
  const better = await benchSqlite('better-sqlite3');
  const libsql = await benchSqlite('libsql');
  return {
    ...better,
    dialect: 'sqlite',
    driver: 'better-sqlite3',
    libsql: { ...libsql, bench: undefined, dialect: undefined, node: undefined },
    libsql_over_better_sqlite3: {
      insert: round(better.insert_rows_per_s / libsql.insert_rows_per_s, 2),
      get: round(better.get_per_s / libsql.get_per_s, 2),
      aggregate: round(libsql.aggregate_ms / better.aggregate_ms, 2),
    },
  };
}

const only = process.env.BENCH_DIALECT;
if (!only || only === 'sqlite') console.log(JSON.stringify(await benchSqliteBindings()));
if (!only || only === 'postgres') {
  const url = process.env.SELLKIT_PG_URL;
  if (url) console.log(JSON.stringify(await benchPostgres(url)));
  else log('postgres skipped: SELLKIT_PG_URL is not set (pnpm bench:storage starts one)');
}
