import { SellkitError } from '@sellkit/core';
import type { ColumnLayout } from '@sellkit/core/driver';
import { fromScaled, INT64_MAX, INT64_MIN, toScaled } from '../values/decimal.js';

/**
 * How SQLite keeps one decimal column exactly. Both forms hold the value times 10^scale as an
 * integer ("units"):
 * - up to 18 digits of precision, as a 64-bit INTEGER: SUM, comparisons and indexes are native;
 * - wider columns (money is 24 digits), as fixed-width TEXT of `units + 10^precision`, which is
 *   never negative, so text order is numeric order (comparisons and indexes still work), and
 *   sums are added exactly from 9-digit slices (see `sqliteSum`).
 */
export interface SqliteDecimalCodec {
  readonly wide: boolean;
  readonly scale: number;
  readonly precision: number;
  /** Smallest and largest storable units. */
  readonly min: bigint;
  readonly max: bigint;
  /** Units → the stored value (bigint or text). */
  store(units: bigint): bigint | string;
  /** A decimal value (string, safe integer, bigint) → the stored value; errors when it cannot be. */
  encode(value: unknown, column: ColumnLayout): number | bigint | string;
  /** What the select list reads (CAST(... AS TEXT) or the text) → canonical decimal string. */
  read(value: unknown): string | null;
}

/** Precision that still fits a signed 64-bit integer whatever the digits. */
export const INTEGER_PRECISION = 18;

const codecs = new WeakMap<ColumnLayout, SqliteDecimalCodec>();

/** The codec of a decimal column (cached per layout column). */
export function sqliteDecimalCodec(column: ColumnLayout): SqliteDecimalCodec {
  let codec = codecs.get(column);
  if (!codec) {
    codec = makeCodec(column.precision ?? 18, column.scale ?? 0);
    codecs.set(column, codec);
  }
  return codec;
}

/** `-12.50` at scale 2 → sign and digits (`-`, `1250`), for canonical strings only. */
function canonicalPattern(scale: number): RegExp {
  return scale === 0 ? /^(-?)(\d+)$/ : new RegExp(`^(-?)(\\d+)\\.(\\d{${scale}})$`);
}

function makeCodec(precision: number, scale: number): SqliteDecimalCodec {
  const canonical = canonicalPattern(scale);
  if (precision <= INTEGER_PRECISION) {
    return {
      wide: false,
      scale,
      precision,
      min: INT64_MIN,
      max: INT64_MAX,
      store: (units) => units,
      encode(value, column) {
        // Fast path for the canonical strings the kernel hands over: no BigInt below 2^53.
        const match = typeof value === 'string' ? canonical.exec(value) : null;
        if (match) {
          const digits = `${match[2]}${match[3] ?? ''}`;
          if (digits.length <= 15) return Number(`${match[1]}${digits}`);
          if (digits.length <= 18) return BigInt(`${match[1]}${digits}`);
        }
        return storableUnits(column, value);
      },
      read: (value) =>
        value === null || value === undefined
          ? null
          : fromScaled(value as string | number | bigint, scale),
    };
  }
  const offset = 10n ** BigInt(precision);
  const width = precision + 1;
  return {
    wide: true,
    scale,
    precision,
    min: -(offset - 1n),
    max: offset - 1n,
    store: (units) => (units + offset).toString().padStart(width, '0'),
    encode(value, column) {
      // Fast path: a non-negative canonical string is '1' followed by its digits, zero-padded.
      const match = typeof value === 'string' ? canonical.exec(value) : null;
      if (match && match[1] === '') {
        const digits = `${match[2]}${match[3] ?? ''}`;
        if (digits.length <= precision) return `1${digits.padStart(precision, '0')}`;
      }
      return storableUnits(column, value);
    },
    read(value) {
      if (value === null || value === undefined) return null;
      const text = String(value);
      // Non-negative values are '1' and their digits: no bigint arithmetic needed.
      if (text.length === width && text.startsWith('1')) {
        return fromScaled(text.slice(1).replace(/^0+(?=\d)/, ''), scale);
      }
      return fromScaled(BigInt(text) - offset, scale);
    },
  };
}

/** Units of a decimal to store: exact and within the column's range, or an error. */
export function storableUnits(column: ColumnLayout, value: unknown): bigint | string {
  const codec = sqliteDecimalCodec(column);
  const { units, exact } = toScaled(value, codec.scale);
  if (!exact) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `${column.name}: more than ${codec.scale} decimals`,
      {
        issues: [{ path: column.path, message: 'too many decimals', reason: 'invalid_decimal' }],
      },
    );
  }
  if (units < codec.min || units > codec.max) {
    throw new SellkitError(
      'STORAGE_FAILURE',
      `${column.name}: ${String(value)} is outside the exact range of this column ` +
        `(±${fromScaled(codec.max, codec.scale)})`,
      { column: column.name, reason: 'out_of_range' },
    );
  }
  return codec.store(units);
}

/**
 * Digits per slice when summing wide decimals. Fast slices (12 digits, < 10^12) overflow 64 bits
 * only past 4.6 million rows in one group; the driver then retries with safe slices (9 digits,
 * past 9.2 billion rows).
 */
const FAST_SLICE = 12;
const SAFE_SLICE = 9;

/** Slices of a wide value (1-based start, length), most significant first, with their weight. */
export function slicesOf(
  codec: SqliteDecimalCodec,
  safe: boolean,
): { start: number; length: number; power: bigint }[] {
  const size = safe ? SAFE_SLICE : FAST_SLICE;
  const width = codec.precision + 1;
  const bounds: { start: number; end: number }[] = [];
  for (let end = width; end > 0; end -= size)
    bounds.unshift({ start: Math.max(1, end - size + 1), end });
  // The leading digit is only ever 0 or 1 (units + 10^precision < 2·10^precision): fold it into
  // the next slice instead of summing a slice of its own.
  const first = bounds[0];
  const second = bounds[1];
  if (!safe && first && second && first.end - first.start === 0) {
    bounds.splice(0, 2, { start: first.start, end: second.end });
  }
  return bounds.map(({ start, end }) => ({
    start,
    length: end - start + 1,
    power: 10n ** BigInt(width - end),
  }));
}

/** Adds slice sums back together: Σ units = Σ slice·10^k − rows·10^precision. */
export function combineSlices(
  codec: SqliteDecimalCodec,
  safe: boolean,
  count: unknown,
  sums: readonly unknown[],
): string | null {
  const rows = BigInt(String(count ?? 0));
  if (rows === 0n) return null;
  const slices = slicesOf(codec, safe);
  let total = 0n;
  sums.forEach((sum, index) => {
    total += BigInt(String(sum ?? 0)) * (slices[index]?.power ?? 0n);
  });
  return fromScaled(total - rows * 10n ** BigInt(codec.precision), codec.scale);
}
