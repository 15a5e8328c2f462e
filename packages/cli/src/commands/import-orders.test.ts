import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';
import { parseOrderMap } from './import-orders.js';

const fixture = fileURLToPath(
  new URL('../../../orders/test-fixtures/orders-export.csv', import.meta.url),
);
const cwd = mkdtempSync(join(tmpdir(), 'sellkit-import-orders-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const MAP =
  'Order No=orderId,Order Date=date,Customer=company,Item=product,Qty=quantity,Unit Price=unitPrice,Disc %=discountPercent,Currency=currency,Status=status,Line Ref=lineId';

async function cli(argv: readonly string[]) {
  const io = memoryIo({ cwd });
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout.text(), stderr: io.stderr.text() };
}

const importArgs = (...extra: string[]) => [
  'import',
  'orders',
  fixture,
  '--map',
  MAP,
  '--date-formats',
  'yyyy-MM-dd,dd/MM/yyyy,MM/dd/yyyy',
  '--create-missing',
  '--db',
  'crm.db',
  '--json',
  '--quiet',
  ...extra,
];

describe('sellkit import orders / report orders (in-process, SQLite)', { timeout: 60_000 }, () => {
  it('reads col=field pairs and refuses unknown fields', () => {
    expect(parseOrderMap('Order No=orderId, Qty=quantity')).toEqual({
      orderId: 'Order No',
      quantity: 'Qty',
    });
    expect(() => parseOrderMap('Order No=order')).toThrow(/column=field/);
    expect(() => parseOrderMap('a=date,b=date')).toThrow(/twice/);
  });

  it('dry-runs, imports with a counted report, re-runs unchanged, and reports orders', async () => {
    const dry = await cli(importArgs('--dry-run'));
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout).sections.summary[0]).toMatchObject({
      total: 10,
      created: 6,
      rejected: 4,
    });
    const first = await cli(importArgs());
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.sections.summary[0]).toMatchObject({ total: 10, created: 6, rejected: 4 });
    const again = await cli(importArgs());
    expect(JSON.parse(again.stdout).sections.summary[0]).toMatchObject({
      total: 10,
      created: 0,
      unchanged: 6,
      rejected: 4,
    });
    const orders = await cli(['report', 'orders', '--db', 'crm.db', '--json']);
    expect(orders.code, orders.stderr).toBe(0);
    const parsed = JSON.parse(orders.stdout);
    expect(parsed.orders).toBe(5);
    expect(parsed.sections.byState.map((row: { status: string }) => row.status)).toEqual([
      'confirmed',
      'shipped',
      'delivered',
      'closed',
    ]);
    expect(parsed.sections.byMonth[0]).toMatchObject({ month: '2024-03', net: '2534.90' });
    const csv = await cli([
      'report',
      'orders',
      '--db',
      'crm.db',
      '--csv',
      '--section',
      'byProduct',
    ]);
    expect(csv.stdout.split(/\r?\n/)[0]).toBe('product,lines,quantity,net,currency');
  });

  it('needs --map', async () => {
    const result = await cli(['import', 'orders', fixture, '--db', 'crm.db']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--map/);
  });
});
