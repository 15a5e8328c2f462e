/**
 * Orders benchmark on SQLite (a file in a temporary folder). Prints one JSON line:
 *
 * - `import_100k_lines_ms`: `orders.importOrders` of a generated CSV export of 100,000 order
 *   lines (about 20,000 orders; two date layouts mixed; unit prices with up to 4 decimals;
 *   products taxed at China's 13 % / 9 % VAT), companies and products matched by name; beside
 *   `baseline_import_100k_lines_ms`: the same file parsed by the same CSV reader, grouped and
 *   written by hand-written code (prepared `better-sqlite3` statements, integer-cent totals) to
 *   a bare table pair, without mapping checks, name matching, validation, audit or access.
 * - `price_1000_orders_ms`: `priceDocument` on 1,000 orders of 20 lines with line and document
 *   discounts and three tax rates (per-line rounding; `price_1000_orders_per_document_ms` per
 *   document), beside `baseline_price_1000_orders_ms`: the same totals by hand-written bigint
 *   arithmetic (per-line rounding). Both must agree on every order's gross before timing counts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog, VAT_SEED } from '@sellkit/catalog';
import { createSellkit, createTestClock, Money } from '@sellkit/core';
import { readCsv } from '@sellkit/core/module';
import { customers } from '@sellkit/customers';
import { orders, type PricingInput, priceDocument } from '@sellkit/orders';
import { pipeline } from '@sellkit/pipeline';
import { sqlite } from '@sellkit/storage-kysely';
import Database from 'better-sqlite3';
import { random } from '../shared/random.js';

const LINES = 100_000;
const COMPANIES = 200;
const PRODUCTS = 500;
const PRICE_ORDERS = 1_000;
const PRICE_LINES = 20;

const next = random(16);
const int = (max: number) => Math.floor(next() * max);

function exportCsv(file: string): number {
  const out: string[] = ['Order No,Order Date,Customer,Item,Qty,Unit Price,Disc %'];
  let orderCount = 0;
  let lines = 0;
  while (lines < LINES) {
    orderCount += 1;
    const size = Math.min(1 + int(9), LINES - lines);
    const day = 1 + int(28);
    const month = 1 + int(12);
    const year = 2020 + int(6);
    const pad = (n: number) => String(n).padStart(2, '0');
    // Two layouts mixed in one column: ISO and German dotted dates.
    const date =
      orderCount % 2 === 0
        ? `${year}-${pad(month)}-${pad(day)}`
        : `${pad(day)}.${pad(month)}.${year}`;
    const company = `"Company ${int(COMPANIES)}, Ltd"`;
    for (let line = 0; line < size; line += 1) {
      const price = `${1 + int(5000)}.${String(int(10_000)).padStart(4, '0')}`;
      const discount = int(4) === 0 ? String(int(30)) : '';
      out.push(
        `H-${orderCount},${date},${company},Product ${int(PRODUCTS)},${1 + int(20)},${price},${discount}`,
      );
    }
    lines += size;
  }
  writeFileSync(file, `\ufeff${out.join('\n')}\n`);
  return orderCount;
}

/** Half-even division of a bigint by a power of ten. */
function roundHalfEven(value: bigint, divisor: bigint): bigint {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let quotient = abs / divisor;
  const remainder = abs % divisor;
  const twice = remainder * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** A decimal string as an integer scaled by 10^scale. */
function scaled(text: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
}

async function baselineImport(file: string, dbFile: string): Promise<number> {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'CREATE TABLE o (id INTEGER PRIMARY KEY, external_id TEXT UNIQUE, date TEXT, company TEXT, net_cents INTEGER);' +
      'CREATE TABLE l (id INTEGER PRIMARY KEY, order_id INTEGER, product TEXT, qty TEXT, price TEXT, net_cents INTEGER);',
  );
  const insertOrder = db.prepare(
    'INSERT INTO o (external_id, date, company, net_cents) VALUES (?, ?, ?, ?)',
  );
  const insertLine = db.prepare(
    'INSERT INTO l (order_id, product, qty, price, net_cents) VALUES (?, ?, ?, ?, ?)',
  );
  const groups = new Map<string, Record<string, string>[]>();
  for await (const row of readCsv(file)) {
    const id = row.values['Order No'] ?? '';
    const group = groups.get(id) ?? [];
    group.push(row.values);
    groups.set(id, group);
  }
  const write = db.transaction(() => {
    for (const [id, rows] of groups) {
      const first = rows[0] ?? {};
      const raw = first['Order Date'] ?? '';
      const date = raw.includes('.') ? raw.split('.').reverse().join('-') : raw;
      const nets = rows.map((row) => {
        const gross = roundHalfEven(
          scaled(row.Qty ?? '0', 0) * scaled(row['Unit Price'] ?? '0', 4),
          100n,
        );
        const discount = roundHalfEven(gross * scaled(row['Disc %'] || '0', 0), 100n);
        return gross - discount;
      });
      const total = nets.reduce((sum, net) => sum + net, 0n);
      const orderId = insertOrder.run(id, date, first.Customer ?? '', total).lastInsertRowid;
      rows.forEach((row, index) => {
        insertLine.run(orderId, row.Item, row.Qty, row['Unit Price'], nets[index] ?? 0n);
      });
    }
  });
  write();
  db.close();
  return groups.size;
}

function priceInputs(): PricingInput[] {
  const rates = ['0.13', '0.09', '0.06'];
  return Array.from({ length: PRICE_ORDERS }, (_, order) => ({
    currency: 'CNY',
    pricesIncludeTax: false,
    taxRounding: 'per-line' as const,
    ...(order % 3 === 0 ? { documentDiscount: { percent: '5' } } : {}),
    lines: Array.from({ length: PRICE_LINES }, (_, line) => ({
      key: String(line),
      quantity: String(1 + int(50)),
      unitPrice: `${int(2000)}.${String(int(10_000)).padStart(4, '0')}`,
      ...(line % 4 === 0 ? { discount: { percent: String(int(25)) } } : {}),
      tax: {
        categoryId: 'standard',
        rate: rates[line % 3] ?? '0.13',
        treatment: 'standard' as const,
      },
    })),
  }));
}

/** The same document by hand: bigint cents, per-line rounding, document discount by largest remainder. */
function baselinePrice(input: PricingInput): bigint {
  const nets = input.lines.map((line) => {
    const subtotal = roundHalfEven(scaled(line.quantity, 0) * scaled(line.unitPrice, 4), 100n);
    const percent = line.discount && 'percent' in line.discount ? line.discount.percent : '0';
    return subtotal - roundHalfEven(subtotal * scaled(percent, 0), 100n);
  });
  const total = nets.reduce((sum, net) => sum + net, 0n);
  const documentPercent =
    input.documentDiscount && 'percent' in input.documentDiscount
      ? input.documentDiscount.percent
      : '0';
  const documentDiscount = roundHalfEven(total * scaled(documentPercent, 0), 100n);
  // Allocate the document discount in proportion, largest remainder first.
  const shares = nets.map((net, index) => {
    const exact = total === 0n ? 0n : documentDiscount * net;
    return {
      index,
      floor: total === 0n ? 0n : exact / total,
      rest: total === 0n ? 0n : exact % total,
    };
  });
  let left = documentDiscount - shares.reduce((sum, share) => sum + share.floor, 0n);
  for (const share of [...shares].sort((a, b) =>
    b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.index - b.index,
  )) {
    if (left <= 0n) break;
    share.floor += 1n;
    left -= 1n;
  }
  let gross = 0n;
  input.lines.forEach((line, index) => {
    const net = (nets[index] ?? 0n) - (shares[index]?.floor ?? 0n);
    const tax = roundHalfEven(net * scaled(line.tax.rate, 2), 100n);
    gross += net + tax;
  });
  return gross;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

const directory = mkdtempSync(join(tmpdir(), 'sellkit-orders-bench-'));
try {
  const csv = join(directory, 'orders.csv');
  const orderCount = exportCsv(csv);
  const clock = createTestClock('2026-03-02T09:00:00Z');
  const crm = await createSellkit({
    storage: sqlite({ file: join(directory, 'bench.db') }, { synchronous: 'normal' }),
    modules: [
      customers(),
      catalog({ currency: 'CNY' }),
      pipeline(),
      orders({ jurisdiction: 'CN' }),
    ],
    clock,
  });
  const admin = crm.as({ tenantId: 'bench', actor: { id: 'admin', roles: ['admin'] } });
  await admin.catalog.taxes.seed(VAT_SEED);
  const standard = await admin.catalog.taxes.getCategory('standard');
  const reduced = await admin.catalog.taxes.getCategory('reduced');
  for (let index = 0; index < COMPANIES; index += 1) {
    await admin.customers.companies.create({ name: `Company ${index}, Ltd`, country: 'CN' });
  }
  for (let index = 0; index < PRODUCTS; index += 1) {
    await admin.catalog.products.create({
      name: `Product ${index}`,
      listPrice: Money.of('100', 'CNY'),
      taxCategoryId: index % 5 === 0 ? reduced.id : standard.id,
    });
  }
  const importStart = performance.now();
  const report = await admin.orders.importOrders(csv, {
    mapping: {
      orderId: 'Order No',
      date: 'Order Date',
      company: 'Customer',
      product: 'Item',
      quantity: 'Qty',
      unitPrice: 'Unit Price',
      discountPercent: 'Disc %',
    },
    dateLayouts: ['yyyy-MM-dd', 'dd.MM.yyyy'],
  });
  const importMs = Math.round(performance.now() - importStart);
  if (report.created !== LINES || report.orders.created !== orderCount) {
    throw new Error(
      `import lost rows: ${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 3) })}`,
    );
  }
  const rerunStart = performance.now();
  const rerun = await admin.orders.importOrders(csv, {
    mapping: { orderId: 'Order No', date: 'Order Date', quantity: 'Qty' },
    dateLayouts: ['yyyy-MM-dd', 'dd.MM.yyyy'],
  });
  const rerunMs = Math.round(performance.now() - rerunStart);
  if (rerun.unchanged !== LINES) throw new Error('the re-run created or lost rows');
  await crm.close();

  const baselineStart = performance.now();
  const baselineOrders = await baselineImport(csv, join(directory, 'baseline.db'));
  const baselineImportMs = Math.round(performance.now() - baselineStart);
  if (baselineOrders !== orderCount) throw new Error('baseline grouped differently');

  const inputs = priceInputs();
  const perDocument = inputs.map((input) => ({ ...input, taxRounding: 'per-document' as const }));
  const agree = inputs.every(
    (input) => priceDocument(input).gross.toMinor() === baselinePrice(input),
  );
  if (!agree) throw new Error('priceDocument and the hand-written pricing disagree');
  const time = (work: () => void) => {
    const runs: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      const start = performance.now();
      work();
      runs.push(performance.now() - start);
    }
    return median(runs);
  };
  const priceMs = time(() => {
    for (const input of inputs) priceDocument(input);
  });
  const perDocumentMs = time(() => {
    for (const input of perDocument) priceDocument(input);
  });
  const baselinePriceMs = time(() => {
    for (const input of inputs) baselinePrice(input);
  });
  console.log(
    JSON.stringify({
      bench: 'orders',
      dialect: 'sqlite',
      lines: LINES,
      orders: orderCount,
      import_100k_lines_ms: importMs,
      import_target_ms: 10_000,
      baseline_import_100k_lines_ms: baselineImportMs,
      reimport_unchanged_ms: rerunMs,
      price_orders: PRICE_ORDERS,
      price_lines_per_order: PRICE_LINES,
      price_1000_orders_ms: priceMs,
      price_1000_orders_per_document_ms: perDocumentMs,
      baseline_price_1000_orders_ms: baselinePriceMs,
      results_agree: agree,
    }),
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
