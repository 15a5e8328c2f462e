import { validationError } from '../errors/sellkit-error.js';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case
const TIME_LENGTH = 10; // 48 bits of milliseconds
const RANDOM_LENGTH = 16; // 80 random bits
const PREFIX_PATTERN = /^[a-z][a-z0-9]{1,11}$/;
const MAX_TIME = 2 ** 48 - 1; // the largest millisecond the 10-character time part can hold

let lastTime = -1;
let lastRandom: number[] = [];

function randomDigits(): number[] {
  const bytes = new Uint8Array(RANDOM_LENGTH);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte & 31);
}

/** Adds one to a base32 digit array; overflow is astronomically unlikely, so start afresh. */
function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let index = next.length - 1; index >= 0; index -= 1) {
    if ((next[index] as number) < 31) {
      next[index] = (next[index] as number) + 1;
      return next;
    }
    next[index] = 0;
  }
  return randomDigits();
}

/**
 * Creates a new id for an entity: `<prefix>_<26 characters>`, e.g. `cus_01jd3m5e6x0c8v7q4r2s9t1w3y`.
 *
 * The body is a ULID in lower-case Crockford base32: 48 bits of time then 80 random bits, so ids
 * sort by creation time as plain strings and two processes never collide in practice. Within
 * one process, ids made in the same millisecond still sort in creation order. `now` (an integer
 * count of milliseconds, `Date.now()` by default) earlier than the previous id's time is raised
 * to it, so order holds even when the system clock steps back.
 *
 * @example
 * ```ts
 * const id = newId('cus'); // 'cus_01jd3m5e6x0c8v7q4r2s9t1w3y'
 * isId(id, 'cus'); // true
 * ```
 */
export function newId(prefix: string, now: number = Date.now()): string {
  // typeof first: RegExp#test would turn undefined into the string "undefined" and accept it.
  if (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix)) {
    throw validationError(
      'prefix',
      'an id prefix is 2 to 12 lower-case letters or digits',
      'invalid_prefix',
    );
  }
  if (!Number.isSafeInteger(now) || now < 0 || now > MAX_TIME) {
    // A fractional or out-of-range time would encode characters outside the alphabet.
    throw validationError(
      'now',
      'must be an integer count of milliseconds since 1970 below 2^48',
      'invalid_time',
    );
  }
  let time = now;
  if (time <= lastTime) {
    time = lastTime;
    lastRandom = increment(lastRandom);
  } else {
    lastTime = time;
    lastRandom = randomDigits();
  }
  let timePart = '';
  let remaining = time;
  for (let index = 0; index < TIME_LENGTH; index += 1) {
    timePart = ALPHABET[remaining % 32] + timePart;
    remaining = Math.floor(remaining / 32);
  }
  return `${prefix}_${timePart}${lastRandom.map((digit) => ALPHABET[digit]).join('')}`;
}

// The first time character is at most 7: 48 bits of milliseconds fill 10 characters minus 2 bits.
const ID_PATTERN = /^[a-z][a-z0-9]{1,11}_[0-7][0-9a-hjkmnp-tv-z]{25}$/;

/**
 * True when `value` looks like a Sellkit id, optionally with the given prefix.
 *
 * @example
 * ```ts
 * isId(newId('cus'), 'cus'); // true
 * isId(newId('cus'), 'opp'); // false: another prefix
 * isId('cus_42'); // false
 * ```
 */
export function isId(value: unknown, prefix?: string): value is string {
  return (
    typeof value === 'string' &&
    ID_PATTERN.test(value) &&
    (prefix === undefined || value.startsWith(`${prefix}_`))
  );
}

/**
 * The creation time encoded in an id; anything that is not an id is `VALIDATION_FAILED`.
 *
 * @example
 * ```ts
 * idTime(newId('cus')).getTime() <= Date.now(); // true
 * idTime('not an id'); // throws VALIDATION_FAILED (reason `invalid_id`)
 * ```
 */
export function idTime(id: string): Date {
  if (!isId(id)) throw validationError('id', 'is not a Sellkit id', 'invalid_id');
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 1 + TIME_LENGTH);
  let time = 0;
  for (const char of body) time = time * 32 + ALPHABET.indexOf(char);
  return new Date(time);
}
