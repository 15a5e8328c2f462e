/**
 * The team figures written by hand on better-sqlite3 against the bench's file, the way an
 * application would: one grouped SQL query, the marginal tiers applied in integer cents.
 */
import Database from 'better-sqlite3';

// Money is stored as fixed-width text: units (amount × 10^4) plus 10^24, so for amounts below
// 10^14 the last 18 characters are the units.
const WON_BY_OWNER = `SELECT owner_id AS owner, SUM(CAST(substr(amount, 8) AS INTEGER)) AS units
  FROM sk_opportunity
  WHERE tenant_id = ? AND status = 'won' AND amount_currency = 'USD'
    AND close_date >= ? AND close_date < ?
  GROUP BY owner_id`;

function wonUnits(file: string, tenant: string, from: string, to: string): Map<string, bigint> {
  const db = new Database(file, { readonly: true });
  try {
    db.defaultSafeIntegers(true);
    const rows = db.prepare(WON_BY_OWNER).all(tenant, from, to) as {
      owner: string;
      units: bigint;
    }[];
    return new Map(rows.map((row) => [row.owner, row.units]));
  } finally {
    db.close();
  }
}

/** Cents as `1234.56`. */
function centsText(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Half-even division of integers. */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n !== 0n)) return quotient + 1n;
  return quotient;
}

/** Each owner's won revenue (close date in `[from, to)`), as exact text with cents. */
export function rawWonByOwner(
  file: string,
  tenant: string,
  from: string,
  to: string,
): Map<string, string> {
  const units = wonUnits(file, tenant, from, to);
  return new Map([...units].map(([owner, value]) => [owner, centsText(value / 100n)]));
}

/**
 * Each owner's commission for the period on marginal tiers of their quota (`quotas` by owner,
 * whole currency units): each slice of the credit between quota × from and quota × to, paid at
 * the tier's rate, rounded half-even to the cent per tier line.
 */
export function rawCommissions(
  file: string,
  tenant: string,
  from: string,
  to: string,
  quotas: ReadonlyMap<string, string>,
  tiers: readonly { readonly from: string; readonly to: string | null; readonly rate: string }[],
): Map<string, string> {
  const units = wonUnits(file, tenant, from, to);
  // Rates and bounds as integers over 10,000 (`0.05` → 500).
  const scaled = (value: string) => BigInt(Math.round(Number(value) * 10_000));
  const out = new Map<string, string>();
  for (const [owner, quota] of quotas) {
    const credit = (units.get(owner) ?? 0n) / 100n; // cents
    const quotaCents = BigInt(quota) * 100n;
    let total = 0n;
    for (const tier of tiers) {
      const low = (quotaCents * scaled(tier.from)) / 10_000n;
      const high = tier.to === null ? null : (quotaCents * scaled(tier.to)) / 10_000n;
      const top = high === null || credit < high ? credit : high;
      if (top <= low) continue;
      total += divideHalfEven((top - low) * scaled(tier.rate), 10_000n);
    }
    out.set(owner, centsText(total));
  }
  return out;
}
