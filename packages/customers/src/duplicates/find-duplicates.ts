import { validationError } from '@sellkit/core';
import type { Company } from '../companies/company-model.js';
import { type CustomersContext, models } from '../shared/context.js';

/** Why two companies look alike. */
export interface DuplicateReason {
  /** `name`: same normalised name; `domain`: same web or e-mail domain; `phone`: same number. */
  readonly kind: 'name' | 'domain' | 'phone';
  /** The shared normalised value. */
  readonly value: string;
}

/** Two companies that may be one. */
export interface DuplicateCandidate {
  /** The pair, older record first (a natural survivor). */
  readonly companies: readonly [Company, Company];
  /** 0 to 1: the chance-like combination of the reasons' weights. */
  readonly score: number;
  readonly reasons: readonly DuplicateReason[];
}

/** Options of `findDuplicates`. */
export interface FindDuplicatesOptions {
  /** The lowest score reported (default 0.5: a shared name, or a shared domain). */
  readonly threshold?: number;
  /** The most candidates returned, best first (default 1,000). */
  readonly limit?: number;
}

/** How much each reason says on its own. Several combine as 1 − Π(1 − weight). */
export const DUPLICATE_WEIGHTS: Readonly<Record<DuplicateReason['kind'], number>> = {
  name: 0.6,
  domain: 0.5,
  phone: 0.4,
};

const KEY_FIELDS = [
  ['name', 'nameKey'],
  ['domain', 'domain'],
  ['phone', 'phoneKey'],
] as const;
/** Groups larger than this are generic values (a shared switchboard), not duplicates. */
const MAX_GROUP = 50;

/**
 * Finds companies that may be duplicates: the same normalised name (legal forms, case,
 * punctuation and accents ignored), web or e-mail domain (free-mail domains ignored) or phone
 * number (last 9 digits). Grouping runs in the storage engine; only the actor's companies are
 * considered.
 */
export async function findDuplicates(
  ctx: CustomersContext,
  options: FindDuplicatesOptions = {},
): Promise<DuplicateCandidate[]> {
  const threshold = options.threshold ?? 0.5;
  const limit = options.limit ?? 1000;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw validationError('threshold', 'must be a number from 0 to 1', 'invalid_threshold');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw validationError('limit', 'must be an integer from 1 to 10000', 'invalid_limit');
  }
  const records = ctx.scope.records(models(ctx.scope).company);
  const pairs = new Map<string, { a: Company; b: Company; reasons: DuplicateReason[] }>();
  for (const [kind, field] of KEY_FIELDS) {
    const groups = await records.aggregate({
      where: { [field]: { isNull: false } },
      groupBy: [field],
      measures: { members: { fn: 'count' } },
      orderBy: [{ key: 'members', direction: 'desc' }],
      limit: 10_000,
    });
    const values = groups
      .filter((group) => (group.members as number) >= 2 && (group.members as number) <= MAX_GROUP)
      .map((group) => group[field] as string);
    for (let start = 0; start < values.length; start += 200) {
      const chunk = values.slice(start, start + 200);
      const page = await records.find({
        where: { [field]: { in: chunk } },
        orderBy: [{ field: 'id' }],
        limit: 10_000,
      });
      const byValue = new Map<string, Company[]>();
      for (const row of page.rows) {
        const value = row[field] as string;
        byValue.set(value, [...(byValue.get(value) ?? []), row]);
      }
      for (const [value, members] of byValue) {
        for (let i = 0; i < members.length; i += 1) {
          for (let j = i + 1; j < members.length; j += 1) {
            const a = members[i] as Company;
            const b = members[j] as Company;
            const key = `${a.id}|${b.id}`;
            const pair = pairs.get(key) ?? { a, b, reasons: [] };
            pair.reasons.push({ kind, value });
            pairs.set(key, pair);
          }
        }
      }
    }
  }
  const candidates: DuplicateCandidate[] = [];
  for (const { a, b, reasons } of pairs.values()) {
    const miss = reasons.reduce(
      (product, reason) => product * (1 - DUPLICATE_WEIGHTS[reason.kind]),
      1,
    );
    const score = Math.round((1 - miss) * 1000) / 1000;
    if (score >= threshold) candidates.push({ companies: [a, b], score, reasons });
  }
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      x.companies[0].id.localeCompare(y.companies[0].id) ||
      x.companies[1].id.localeCompare(y.companies[1].id),
  );
  return candidates.slice(0, limit);
}
