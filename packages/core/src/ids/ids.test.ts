import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { expectIssue } from '../errors/test-support/expect-issue.js';
import { idTime, isId, newId } from './ids.js';

type Ids = typeof import('./ids.js');

/**
 * A fresh copy of the module: the generator keeps the last time it used, so tests that pass
 * their own `now` start from a clean slate instead of inheriting another test's clock.
 */
async function freshIds(): Promise<Ids> {
  vi.resetModules();
  return import('./ids.js');
}

const BODY = /^[0-9a-hjkmnp-tv-z]{26}$/;
const MAX_TIME = 2 ** 48 - 1;

describe('newId', () => {
  it('is the prefix, an underscore and a 26-character Crockford base32 body', () => {
    for (const prefix of ['cus', 'ab', 'inv2', 'opportunity1', 'a1b2c3d4e5f6']) {
      const id = newId(prefix);
      const [head, body] = id.split('_');
      expect(head).toBe(prefix);
      expect(body).toMatch(BODY);
      expect(id).toHaveLength(prefix.length + 27);
    }
  });

  it.each<[string, unknown]>([
    ['empty', ''],
    ['one letter', 'a'],
    ['upper case', 'Cus'],
    ['with underscore', 'cus_'],
    ['starting with a digit', '1cus'],
    ['with a dash', 'cus-x'],
    ['13 characters', 'abcdefghijklm'],
    ['non-ASCII', 'çus'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
  ])('refuses a prefix that is %s', (_label, prefix) => {
    expectIssue(() => newId(prefix as string), 'prefix', 'invalid_prefix');
  });

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIME + 1, 2 ** 53])(
    'refuses the time %d',
    (now) => {
      expectIssue(() => newId('cus', now), 'now', 'invalid_time');
    },
  );

  it('sorts in creation order within one millisecond', async () => {
    const ids = await freshIds();
    const now = Date.UTC(2030, 0, 1);
    const made = Array.from({ length: 10_000 }, () => ids.newId('cus', now));
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    for (const id of made) expect(ids.idTime(id).getTime()).toBe(now);
  });

  it('sorts in creation order across increasing times', async () => {
    const ids = await freshIds();
    const made: string[] = [];
    let now = Date.UTC(2024, 5, 1);
    for (let index = 0; index < 2_000; index += 1) {
      now += index % 3 === 0 ? 0 : (index % 7) + 1;
      const id = ids.newId('ord', now);
      expect(ids.idTime(id).getTime()).toBe(now);
      made.push(id);
    }
    expect([...made].sort()).toEqual(made);
  });

  it('keeps order when the clock steps back, holding the last time', async () => {
    const ids = await freshIds();
    const later = ids.newId('cus', 2_000_000);
    const earlier = ids.newId('cus', 1_000_000);
    expect(earlier > later).toBe(true);
    expect(ids.idTime(earlier).getTime()).toBe(2_000_000);
  });

  it('encodes the whole 48-bit time range', async () => {
    const ids = await freshIds();
    const first = ids.newId('cus', 0);
    const last = ids.newId('cus', MAX_TIME);
    expect(first.slice(4, 14)).toBe('0000000000');
    expect(last.slice(4, 14)).toBe('7zzzzzzzzz');
    expect(ids.idTime(first).getTime()).toBe(0);
    expect(ids.idTime(last).getTime()).toBe(MAX_TIME);
    expect(ids.isId(last, 'cus')).toBe(true);
  });

  it('uses the current time by default', () => {
    const before = Date.now();
    const id = newId('cus');
    const after = Date.now();
    const time = idTime(id).getTime();
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });

  it('makes 100k unique ids', () => {
    const made = new Set<string>();
    for (let index = 0; index < 100_000; index += 1) made.add(newId('cus'));
    expect(made.size).toBe(100_000);
  });

  it('keeps order and time for arbitrary increasing time sequences', async () => {
    const steps = fc.array(fc.nat({ max: 5_000 }), { minLength: 1, maxLength: 50 });
    const start = fc.integer({ min: 0, max: MAX_TIME - 50 * 5_000 });
    await fc.assert(
      fc.asyncProperty(start, steps, async (origin, gaps) => {
        const ids = await freshIds();
        let now = origin;
        const made = gaps.map((gap) => {
          now += gap;
          const id = ids.newId('evt', now);
          expect(ids.idTime(id).getTime()).toBe(now);
          return id;
        });
        expect([...made].sort()).toEqual(made);
        expect(new Set(made).size).toBe(made.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isId', () => {
  const id = newId('cus');

  it('accepts ids, with or without a prefix check', () => {
    expect(isId(id)).toBe(true);
    expect(isId(id, 'cus')).toBe(true);
    expect(isId('cus_01jd3m5e6x0c8v7q4r2s9t1w3y', 'cus')).toBe(true);
  });

  it('rejects another prefix, including a shorter one', () => {
    expect(isId(id, 'inv')).toBe(false);
    expect(isId(id, 'cu')).toBe(false);
    expect(isId(`opp${id}`, 'cus')).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { id: 'cus_01jd3m5e6x0c8v7q4r2s9t1w3y' }],
    ['no prefix', '01jd3m5e6x0c8v7q4r2s9t1w3y'],
    ['an upper-case body', 'cus_01JD3M5E6X0C8V7Q4R2S9T1W3Y'],
    ['a short body', 'cus_01jd3m5e6x0c8v7q4r2s9t1w3'],
    ['a long body', 'cus_01jd3m5e6x0c8v7q4r2s9t1w3yy'],
    ['the letter i', 'cus_01jd3m5e6x0c8v7q4r2s9t1w3i'],
    ['the letter l', 'cus_01jd3m5e6x0c8v7q4r2s9t1w3l'],
    ['the letter o', 'cus_01jd3m5e6x0c8v7q4r2s9t1w3o'],
    ['the letter u', 'cus_01jd3m5e6x0c8v7q4r2s9t1w3u'],
    ['a time beyond 48 bits', 'cus_81jd3m5e6x0c8v7q4r2s9t1w3y'],
    ['an upper-case prefix', 'CUS_01jd3m5e6x0c8v7q4r2s9t1w3y'],
    ['surrounding spaces', ' cus_01jd3m5e6x0c8v7q4r2s9t1w3y '],
  ])('rejects %s', (_label, value) => {
    expect(isId(value)).toBe(false);
  });
});

describe('idTime', () => {
  it('reads the time back', async () => {
    const ids = await freshIds();
    const when = Date.UTC(2026, 2, 14, 15, 9, 26, 535);
    expect(ids.idTime(ids.newId('inv', when)).toISOString()).toBe('2026-03-14T15:09:26.535Z');
  });

  it.each(['', 'cus', 'cus_', 'cus_zzzzzzzzzzzzzzzzzzzzzzzzzz', 'not an id at all'])(
    'refuses %j with VALIDATION_FAILED',
    (value) => {
      expectIssue(() => idTime(value), 'id', 'invalid_id');
    },
  );
});
