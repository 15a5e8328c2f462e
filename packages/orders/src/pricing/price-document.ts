import { Money, toDecimal, validationError } from '@sellkit/core';
import type {
  Discount,
  PricedDocument,
  PricedLine,
  PricingInput,
  TaxSummaryRow,
} from './pricing-types.js';

// Placeholder of the orders helper until the price helper's engine (h-price, `orders pricing:`)
// is merged; the merge replaces this file. Same contract, same rounding rule.

const HALF_EVEN = { rounding: 'half-even' } as const;

function discountOf(subtotal: Money, discount: Discount | undefined, path: string): Money {
  if (!discount) return Money.zero(subtotal.currency);
  if ('percent' in discount) {
    const percent = toDecimal(discount.percent, `${path}.percent`);
    if (percent.isNegative() || percent.greaterThan(100)) {
      throw validationError(`${path}.percent`, 'must be from 0 to 100', 'out_of_range');
    }
    return subtotal.multiply(percent.dividedBy(100), HALF_EVEN);
  }
  const amount = Money.of(discount.amount, subtotal.currency);
  if (amount.isNegative() || amount.greaterThan(subtotal)) {
    throw validationError(`${path}.amount`, 'must be from 0 to the line subtotal', 'out_of_range');
  }
  return amount;
}

/**
 * Prices a document exactly: see `docs/orders-pricing.md` for the rounding rule.
 *
 * @example
 * ```ts
 * const doc = priceDocument({
 *   currency: 'CNY', pricesIncludeTax: false, taxRounding: 'per-line',
 *   lines: [{ key: 'a', quantity: '3', unitPrice: '10.005', tax: { categoryId: null, rate: '0.13', treatment: 'standard' } }],
 * });
 * doc.gross.toString(); // '33.92 CNY'
 * ```
 */
export function priceDocument(input: PricingInput): PricedDocument {
  const { currency } = input;
  const zero = Money.zero(currency);
  const first = input.lines.map((line, index) => {
    const quantity = toDecimal(line.quantity, `lines.${index}.quantity`);
    if (!quantity.greaterThan(0)) {
      throw validationError(`lines.${index}.quantity`, 'must be more than 0', 'too_small');
    }
    const price = toDecimal(line.unitPrice, `lines.${index}.unitPrice`);
    if (price.isNegative()) {
      throw validationError(`lines.${index}.unitPrice`, 'must not be negative', 'too_small');
    }
    const subtotal = Money.of(quantity.times(price), currency, HALF_EVEN);
    const discount = discountOf(subtotal, line.discount, `lines.${index}.discount`);
    return { line, subtotal, discount, kind: line.kind ?? 'product' };
  });
  const products = first.filter((entry) => entry.kind === 'product');
  const productBase = Money.sum(
    products.map((entry) => entry.subtotal.subtract(entry.discount)),
    currency,
  );
  let shares: Money[] = products.map(() => zero);
  if (input.documentDiscount && !productBase.isZero()) {
    const total = discountOf(productBase, input.documentDiscount, 'documentDiscount');
    shares = total.allocate(
      products.map((entry) => entry.subtotal.subtract(entry.discount).toDecimal()),
    );
  }
  const amounts = first.map((entry) => {
    const share = entry.kind === 'product' ? (shares[products.indexOf(entry)] ?? zero) : zero;
    const discount = entry.discount.add(share);
    return { ...entry, discount, base: entry.subtotal.subtract(discount) };
  });
  const exact = amounts.map(({ base, line }) => {
    const rate = toDecimal(line.tax.rate, 'rate');
    return input.pricesIncludeTax
      ? base.toDecimal().times(rate).dividedBy(rate.plus(1))
      : base.toDecimal().times(rate);
  });
  const taxes = exact.map((value) => Money.of(value, currency, HALF_EVEN));
  const groupKey = (index: number) => {
    const tax = amounts[index]?.line.tax;
    return `${tax?.rate}|${tax?.treatment}|${tax?.categoryId ?? ''}`;
  };
  const groups = new Map<string, number[]>();
  for (const index of amounts.keys()) {
    groups.set(groupKey(index), [...(groups.get(groupKey(index)) ?? []), index]);
  }
  if (input.taxRounding === 'per-document') {
    for (const members of groups.values()) {
      const sum = members.reduce((total, index) => total.plus(exact[index] ?? 0), toDecimal(0));
      const rounded = Money.of(sum, currency, HALF_EVEN);
      const weights = members.map((index) => (exact[index] ?? toDecimal(0)).abs());
      if (weights.every((weight) => weight.isZero())) continue;
      rounded.allocate(weights).forEach((part, at) => {
        taxes[members[at] ?? 0] = part;
      });
    }
  }
  const lines: PricedLine[] = amounts.map((entry, index) => {
    const tax = taxes[index] ?? zero;
    const net = input.pricesIncludeTax ? entry.base.subtract(tax) : entry.base;
    return {
      key: entry.line.key,
      kind: entry.kind,
      quantity: entry.line.quantity,
      unitPrice: entry.line.unitPrice,
      subtotal: entry.subtotal,
      discount: entry.discount,
      net,
      tax,
      gross: net.add(tax),
      taxLine: entry.line.tax,
    };
  });
  const taxSummary: TaxSummaryRow[] = [...groups.values()].map((members) => {
    const head = lines[members[0] ?? 0];
    return {
      categoryId: head?.taxLine.categoryId ?? null,
      rate: head?.taxLine.rate ?? '0',
      treatment: head?.taxLine.treatment ?? 'standard',
      base: Money.sum(
        members.map((index) => lines[index]?.net ?? zero),
        currency,
      ),
      tax: Money.sum(
        members.map((index) => lines[index]?.tax ?? zero),
        currency,
      ),
    };
  });
  const total = (pick: (line: PricedLine) => Money) => Money.sum(lines.map(pick), currency);
  return {
    currency,
    pricesIncludeTax: input.pricesIncludeTax,
    taxRounding: input.taxRounding,
    lines,
    taxSummary,
    subtotal: total((line) => line.subtotal),
    discount: total((line) => line.discount),
    net: total((line) => line.net),
    tax: total((line) => line.tax),
    gross: total((line) => line.gross),
  };
}
