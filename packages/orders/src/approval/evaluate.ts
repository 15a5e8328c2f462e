import { type CompiledRuleSet, compileRuleSet, type Explanation, toDecimal } from '@sellkit/core';
import type { ResolvedApproval } from '../options.js';
import type { ApprovalExplanation, SalesOrder, SalesOrderLine } from '../orders/order-model.js';

/**
 * The facts approval rules read, under `order`: amounts as Money (rules compare them with
 * `{ "amount": "500000", "currency": "CNY" }`), discounts as percentages of the subtotal.
 * Useful to try a rule set on an order before publishing it.
 *
 * @example
 * ```ts
 * import { compileRuleSet } from '@sellkit/core';
 * const sales = scope.use(ordersHandle);
 * const order = await sales.salesOrders.get(id);
 * const facts = approvalFacts(order, await sales.salesOrders.lines(id));
 * compileRuleSet(ruleSet).explain(facts).fired; // the rules this order would trip
 * ```
 */
export function approvalFacts(order: SalesOrder, lines: readonly SalesOrderLine[]) {
  const percentOf = (part: string, whole: string) => {
    const base = toDecimal(whole);
    return base.isZero()
      ? 0
      : toDecimal(part).dividedBy(base).times(100).toDecimalPlaces(4).toNumber();
  };
  const lineDiscounts = lines
    .filter((line) => line.kind === 'product')
    .map((line) =>
      percentOf(line.discount.toDecimal().toFixed(), line.subtotal.toDecimal().toFixed()),
    );
  return {
    order: {
      number: order.number,
      source: order.source,
      currency: order.currency,
      ownerId: order.ownerId,
      companyId: order.companyId,
      subtotal: order.subtotal,
      discount: order.discount,
      net: order.net,
      tax: order.tax,
      gross: order.gross,
      /** The whole document's discount, as a percentage of its subtotal. */
      discountPercent: percentOf(
        order.discount.toDecimal().toFixed(),
        order.subtotal.toDecimal().toFixed(),
      ),
      /** The largest discount of one product line, as a percentage of its subtotal. */
      maxLineDiscountPercent: lineDiscounts.length === 0 ? 0 : Math.max(...lineDiscounts),
      lineCount: lines.length,
    },
  };
}

const COMPILED = new WeakMap<ResolvedApproval, CompiledRuleSet>();

/**
 * Runs the approval rule set on an order: null when no rule naming a level fired, else the
 * highest level needed and why.
 */
export function evaluateApproval(
  approval: ResolvedApproval,
  order: SalesOrder,
  lines: readonly SalesOrderLine[],
  now: Date,
): ApprovalExplanation | null {
  let compiled = COMPILED.get(approval);
  if (!compiled) {
    compiled = compileRuleSet(approval.ruleSet, { registry: approval.registry });
    COMPILED.set(approval, compiled);
  }
  // Stored as JSON: Money facts become { amount, currency }.
  const detail: Explanation = JSON.parse(
    JSON.stringify(compiled.explain(approvalFacts(order, lines), { now })),
  );
  const names = approval.levels.map((level) => level.level);
  const fired = detail.rules.filter(
    (rule) => rule.fired && rule.tag !== null && names.includes(rule.tag),
  );
  if (fired.length === 0) return null;
  const rank = (tag: string | null) => names.indexOf(tag ?? '');
  const top = fired.reduce((best, rule) => (rank(rule.tag) > rank(best.tag) ? rule : best));
  return {
    level: top.tag ?? '',
    ruleSetId: detail.ruleSetId,
    ruleSetVersion: detail.ruleSetVersion,
    rules: fired.map((rule) => ({
      id: rule.id,
      description: rule.description,
      level: rule.tag ?? '',
    })),
    detail,
  };
}
