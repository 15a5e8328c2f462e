import {
  currencyExponent,
  MAX_MONEY_INTEGER_DIGITS,
  Money,
  type RoundingMode,
  validationError,
} from '@sellkit/core';
import {
  allocateByRemainder,
  normalize,
  PRICING_ROUNDING_MODES,
  parseNonNegative,
  pow10,
  roundDiv,
  type Scaled,
  scaledText,
  toMinorExact,
} from './exact.js';
import type {
  Discount,
  LineKind,
  LineTax,
  PricedDocument,
  PricedLine,
  PricingInput,
  PricingLineInput,
  TaxRounding,
  TaxSummaryRow,
  TaxTreatment,
} from './pricing-types.js';

/** Options of {@link priceDocument}. */
export interface PriceDocumentOptions {
  /**
   * How every rounding to the minor unit is done (line subtotals, percentage discounts, taxes).
   * Default `'half-even'` (banker's rounding); a tenant may configure another mode.
   */
  readonly rounding?: RoundingMode;
}

const KINDS: readonly LineKind[] = ['product', 'shipping', 'charge'];
const TREATMENTS: readonly TaxTreatment[] = ['standard', 'zero-rated', 'exempt', 'reverse-charge'];
const TAX_ROUNDINGS: readonly TaxRounding[] = ['per-line', 'per-document'];

/** A line after validation, with its subtotal and line discount in minor units. */
interface PreparedLine {
  readonly input: PricingLineInput;
  readonly kind: LineKind;
  readonly subtotal: bigint;
  readonly lineDiscount: bigint;
  readonly rate: Scaled;
  readonly taxLine: LineTax;
}

/**
 * Prices a document (quote, order, invoice) exactly, in integers of the currency's minor unit;
 * no amount ever passes through a float. The rule, step by step:
 *
 * 1. line subtotal = quantity × unit price, rounded to the minor unit (half-even by default);
 *    unit prices may carry more decimals than the currency (`'0.0045'`);
 * 2. the line discount (a percentage, rounded, or an amount) comes off the rounded subtotal;
 * 3. the document discount (percentage of, or amount off, the product lines after their own
 *    discounts) is spread over the product lines in proportion by `Money.allocate`'s rule
 *    (floors, then the units left to the largest remainders), so no minor unit is lost;
 *    shipping and charge lines take no share;
 * 4. tax, on tax-exclusive prices: `net × rate`; on tax-inclusive prices the discounted amount
 *    is the gross and tax = `gross × rate / (1 + rate)`, net = gross − tax;
 * 5. `per-line` rounds each line's tax; `per-document` sums the exact taxes of each group of
 *    lines with the same (category, rate, treatment), rounds that sum once, and gives it back
 *    to the lines by largest remainder, so the lines still add up to the document.
 *
 * Every line has `net + tax = gross`; every total is the sum of its lines; the tax summary's
 * bases and taxes add up to the totals. Bad input is a `SellkitError` `VALIDATION_FAILED`
 * naming the field: an unknown currency, a negative or zero quantity, a negative unit price, a
 * discount over 100 % or above its line (or the document discount above the product lines), a
 * rate below 0 or above 1, a non-zero rate on a zero-rated, exempt or reverse-charge line, a
 * duplicate line key.
 *
 * @example
 * ```ts
 * import { priceDocument } from '@sellkit/orders';
 *
 * const priced = priceDocument({
 *   currency: 'EUR',
 *   pricesIncludeTax: false,
 *   taxRounding: 'per-document',
 *   lines: [
 *     { key: 'screws', quantity: '1000', unitPrice: '0.0045',
 *       tax: { categoryId: 'standard', rate: '0.19', treatment: 'standard' } },
 *     { key: 'ship', kind: 'shipping', quantity: '1', unitPrice: '4.90',
 *       tax: { categoryId: 'standard', rate: '0.19', treatment: 'standard' } },
 *   ],
 *   documentDiscount: { percent: '10' },
 * });
 * priced.net.toString();   // '8.95'  (4.50 − 0.45 discount + 4.90 shipping)
 * priced.tax.toString();   // '1.70'  (19 % of 8.95 = 1.7005)
 * priced.gross.toString(); // '10.65'
 * ```
 */
export function priceDocument(
  input: PricingInput,
  options: PriceDocumentOptions = {},
): PricedDocument {
  const mode = options.rounding ?? 'half-even';
  if (!PRICING_ROUNDING_MODES.includes(mode))
    throw validationError('rounding', `must be one of ${PRICING_ROUNDING_MODES.join(', ')}`);
  const { currency } = input;
  const exponent = currencyExponent(currency);
  if (exponent === undefined)
    throw validationError(
      'currency',
      `${String(currency)} is not a supported ISO 4217 code`,
      'unknown_currency',
    );
  if (typeof input.pricesIncludeTax !== 'boolean')
    throw validationError('pricesIncludeTax', 'must be true or false', 'invalid_type');
  if (!TAX_ROUNDINGS.includes(input.taxRounding))
    throw validationError(
      'taxRounding',
      `must be one of ${TAX_ROUNDINGS.join(', ')}`,
      'invalid_enum',
    );
  if (!Array.isArray(input.lines)) throw validationError('lines', 'must be a list', 'invalid_type');

  const keys = new Set<string>();
  const prepared = input.lines.map((line, index) => {
    const ready = prepareLine(line, `lines.${index}`, exponent, mode);
    if (keys.has(line.key))
      throw validationError(`lines.${index}.key`, `duplicate line key ${line.key}`, 'duplicate');
    keys.add(line.key);
    return ready;
  });
  const shares = documentDiscountShares(input.documentDiscount, prepared, exponent, mode);
  const amounts = prepared.map(
    (line, index) => line.subtotal - line.lineDiscount - (shares[index] ?? 0n),
  );
  const taxes = computeTaxes(prepared, amounts, input.pricesIncludeTax, input.taxRounding, mode);

  // Every amount is at most the document's subtotal or its gross, so checking those two before
  // any Money is made checks them all.
  const limit = pow10(MAX_MONEY_INTEGER_DIGITS + exponent);
  const total = (values: readonly bigint[]) => values.reduce((sum, value) => sum + value, 0n);
  const grossTotal = total(amounts) + (input.pricesIncludeTax ? 0n : total(taxes));
  if (total(prepared.map((line) => line.subtotal)) >= limit || grossTotal >= limit) {
    throw validationError(
      'lines',
      `the document's total has more than ${MAX_MONEY_INTEGER_DIGITS} digits before the point`,
      'too_big',
    );
  }
  // Money is immutable: one instance per distinct amount of the document is enough.
  const made = new Map<bigint, Money>();
  const money = (minor: bigint): Money => {
    let value = made.get(minor);
    if (value === undefined) {
      value = Money.of(minorText(minor, exponent), currency);
      made.set(minor, value);
    }
    return value;
  };
  const lines: PricedLine[] = [];
  const rows = new Map<string, { line: LineTax; base: bigint; tax: bigint }>();
  let subtotal = 0n;
  let discount = 0n;
  let net = 0n;
  let tax = 0n;
  prepared.forEach((line, index) => {
    const amount = amounts[index] ?? 0n;
    const lineTax = taxes[index] ?? 0n;
    const lineNet = input.pricesIncludeTax ? amount - lineTax : amount;
    const lineDiscount = line.lineDiscount + (shares[index] ?? 0n);
    subtotal += line.subtotal;
    discount += lineDiscount;
    net += lineNet;
    tax += lineTax;
    const key = groupKey(line.taxLine);
    const row = rows.get(key) ?? { line: line.taxLine, base: 0n, tax: 0n };
    row.base += lineNet;
    row.tax += lineTax;
    rows.set(key, row);
    lines.push({
      key: line.input.key,
      kind: line.kind,
      quantity: line.input.quantity,
      unitPrice: line.input.unitPrice,
      subtotal: money(line.subtotal),
      discount: money(lineDiscount),
      net: money(lineNet),
      tax: money(lineTax),
      gross: money(lineNet + lineTax),
      taxLine: line.taxLine,
    });
  });
  const taxSummary: TaxSummaryRow[] = [...rows.values()].map((row) => ({
    categoryId: row.line.categoryId,
    rate: row.line.rate,
    treatment: row.line.treatment,
    base: money(row.base),
    tax: money(row.tax),
  }));
  return {
    currency,
    pricesIncludeTax: input.pricesIncludeTax,
    taxRounding: input.taxRounding,
    lines,
    taxSummary,
    subtotal: money(subtotal),
    discount: money(discount),
    net: money(net),
    tax: money(tax),
    gross: money(net + tax),
  };
}

/** Minor units as a decimal string (`1999n`, 2 → `'19.99'`); Money.of reads it faster than fromMinor. */
function minorText(minor: bigint, exponent: number): string {
  if (exponent === 0) return minor.toString();
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function prepareLine(
  line: PricingLineInput,
  path: string,
  exponent: number,
  mode: RoundingMode,
): PreparedLine {
  if (typeof line !== 'object' || line === null)
    throw validationError(path, 'must be an object', 'invalid_type');
  if (typeof line.key !== 'string' || line.key.length === 0)
    throw validationError(`${path}.key`, 'must be a non-empty string', 'invalid_type');
  const kind = line.kind ?? 'product';
  if (!KINDS.includes(kind))
    throw validationError(`${path}.kind`, `must be one of ${KINDS.join(', ')}`, 'invalid_enum');
  const quantity = parseNonNegative(line.quantity, `${path}.quantity`);
  if (quantity.units === 0n)
    throw validationError(`${path}.quantity`, 'must be greater than 0', 'not_positive');
  const unitPrice = parseNonNegative(line.unitPrice, `${path}.unitPrice`);
  const scale = quantity.scale + unitPrice.scale;
  const exact = quantity.units * unitPrice.units * pow10(exponent);
  const subtotal = roundDiv(exact, pow10(scale), mode);
  const lineDiscount = discountAmount(line.discount, subtotal, `${path}.discount`, exponent, mode);
  if (lineDiscount > subtotal)
    throw validationError(`${path}.discount`, 'is above the line subtotal', 'above_line');
  const { rate, taxLine } = checkTax(line.tax, `${path}.tax`);
  return { input: line, kind, subtotal, lineDiscount, rate, taxLine };
}

/** A discount in minor units: a percentage of `base` (rounded) or an amount. */
function discountAmount(
  discount: Discount | undefined,
  base: bigint,
  path: string,
  exponent: number,
  mode: RoundingMode,
): bigint {
  if (discount === undefined) return 0n;
  if (typeof discount !== 'object' || discount === null)
    throw validationError(path, 'must be { percent } or { amount }', 'invalid_type');
  const hasPercent = 'percent' in discount;
  const hasAmount = 'amount' in discount;
  if (hasPercent === hasAmount)
    throw validationError(path, 'must have exactly one of percent or amount', 'invalid_type');
  if ('percent' in discount) {
    const percent = parseNonNegative(discount.percent, `${path}.percent`);
    if (percent.units > 100n * pow10(percent.scale))
      throw validationError(`${path}.percent`, 'must be at most 100', 'above_100_percent');
    return roundDiv(base * percent.units, 100n * pow10(percent.scale), mode);
  }
  return toMinorExact(
    parseNonNegative(discount.amount, `${path}.amount`),
    exponent,
    `${path}.amount`,
  );
}

/** The document discount's share of each line (0 for shipping and charges). */
function documentDiscountShares(
  discount: Discount | undefined,
  lines: readonly PreparedLine[],
  exponent: number,
  mode: RoundingMode,
): bigint[] {
  const zero = lines.map(() => 0n);
  if (discount === undefined) return zero;
  const weights = lines.map((line) =>
    line.kind === 'product' ? line.subtotal - line.lineDiscount : 0n,
  );
  const base = weights.reduce((sum, weight) => sum + weight, 0n);
  const total = discountAmount(discount, base, 'documentDiscount', exponent, mode);
  if (total > base) {
    throw validationError(
      'documentDiscount',
      'is above the product lines after their discounts',
      'above_lines',
    );
  }
  if (total === 0n) return zero;
  // Money.allocate's rule (floors, then the units left to the largest remainders, ties to the
  // earlier line) on bigints directly: the same shares without a Money per line.
  return allocateByRemainder(
    total,
    weights.map((weight) => total * weight),
    base,
  );
}

function checkTax(tax: LineTax, path: string): { rate: Scaled; taxLine: LineTax } {
  if (typeof tax !== 'object' || tax === null)
    throw validationError(path, 'must be { categoryId, rate, treatment }', 'invalid_type');
  if (!TREATMENTS.includes(tax.treatment))
    throw validationError(
      `${path}.treatment`,
      `must be one of ${TREATMENTS.join(', ')}`,
      'invalid_enum',
    );
  const categoryId = tax.categoryId ?? null;
  if (categoryId !== null && typeof categoryId !== 'string')
    throw validationError(`${path}.categoryId`, 'must be a string or null', 'invalid_type');
  const rate = normalize(parseNonNegative(tax.rate, `${path}.rate`));
  if (rate.units > pow10(rate.scale)) {
    throw validationError(
      `${path}.rate`,
      'must be a fraction between 0 and 1 ("0.13" for 13 %)',
      'rate_above_1',
    );
  }
  if (tax.treatment !== 'standard' && rate.units !== 0n) {
    throw validationError(
      `${path}.rate`,
      `must be "0" for a ${tax.treatment} line`,
      'rate_not_zero',
    );
  }
  return { rate, taxLine: { categoryId, rate: scaledText(rate), treatment: tax.treatment } };
}

function groupKey(tax: LineTax): string {
  return `${tax.categoryId ?? ''}\u0000${tax.rate}\u0000${tax.treatment}`;
}

/**
 * Each line's tax in minor units. The exact tax of a line is `amount × r / 10^s` (exclusive)
 * or `amount × r / (10^s + r)` (inclusive) for a rate `r / 10^s`; lines of one group share
 * the rate, hence the denominator, so their exact taxes add up as integers.
 */
function computeTaxes(
  lines: readonly PreparedLine[],
  amounts: readonly bigint[],
  inclusive: boolean,
  rounding: TaxRounding,
  mode: RoundingMode,
): bigint[] {
  const exact = lines.map((line, index) => {
    const { units, scale } = line.rate;
    const denominator = inclusive ? pow10(scale) + units : pow10(scale);
    return { numerator: (amounts[index] ?? 0n) * units, denominator };
  });
  if (rounding === 'per-line')
    return exact.map(({ numerator, denominator }) => roundDiv(numerator, denominator, mode));
  const taxes = lines.map(() => 0n);
  const groups = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const key = groupKey(line.taxLine);
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  for (const members of groups.values()) {
    const first = exact[members[0] ?? 0];
    if (!first) continue;
    const numerators = members.map((index) => exact[index]?.numerator ?? 0n);
    const sum = numerators.reduce((total, numerator) => total + numerator, 0n);
    const total = roundDiv(sum, first.denominator, mode);
    const parts = allocateByRemainder(total, numerators, first.denominator);
    members.forEach((index, position) => {
      taxes[index] = parts[position] ?? 0n;
    });
  }
  return taxes;
}
