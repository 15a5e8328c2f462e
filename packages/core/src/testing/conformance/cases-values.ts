import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import { expectFailure, type SuiteContext } from './context.js';
import { confItem } from './models.js';

type ItemInput = Record<string, unknown>;

const BAD_VALUES: readonly [string, ItemInput, string][] = [
  ['text given a number', { name: 42 }, 'name'],
  ['integer given a fraction', { name: 'x', quantity: 1.5 }, 'quantity'],
  ['integer given a string', { name: 'x', quantity: '3' }, 'quantity'],
  ['integer above its max', { name: 'x', quantity: 1_000_000_001 }, 'quantity'],
  ['integer beyond the safe range', { name: 'x', big: 2 ** 53 }, 'big'],
  ['decimal with too many decimals', { name: 'x', price: '1.234' }, 'price'],
  ['decimal given a fractional number', { name: 'x', price: 1.5 }, 'price'],
  ['decimal that is not a number', { name: 'x', rate: '1,5' }, 'rate'],
  ['decimal beyond its precision', { name: 'x', price: '1234567890123.00' }, 'price'],
  [
    'money with more decimals than the currency',
    { name: 'x', amount: { amount: '1.001', currency: 'EUR' } },
    'amount.amount',
  ],
  [
    'money with an unknown currency',
    { name: 'x', amount: { amount: '1', currency: 'XXX' } },
    'amount.currency',
  ],
  ['money given a number', { name: 'x', amount: 12 }, 'amount'],
  ['boolean given a string', { name: 'x', active: 'yes' }, 'active'],
  ['date that does not exist', { name: 'x', dueOn: '2023-02-29' }, 'dueOn'],
  ['date in another format', { name: 'x', dueOn: '05.03.2026' }, 'dueOn'],
  ['timestamp that is not a date', { name: 'x', happenedAt: 'yesterday' }, 'happenedAt'],
  ['timestamp that is an invalid Date', { name: 'x', happenedAt: new Date('nope') }, 'happenedAt'],
  ['enum outside its values', { name: 'x', status: 'closed' }, 'status'],
  ['json that is not JSON', { name: 'x', meta: { f: () => 1 } }, 'meta.f'],
  ['json with a non-finite number', { name: 'x', meta: { n: Number.NaN } }, 'meta.n'],
  ['text list with a non-string', { name: 'x', tags: ['ok', 1] }, 'tags.1'],
  ['reference that is not an id', { name: 'x', parentId: 'nope' }, 'parentId'],
  ['e-mail that is not one', { name: 'x', email: 'not-an-email' }, 'email'],
  ['url that is not http(s)', { name: 'x', website: 'ftp://example.com' }, 'website'],
  ['phone with letters', { name: 'x', phone: 'call me' }, 'phone'],
  ['text with a NUL character', { name: 'a\u0000b' }, 'name'],
];

/** Validation of every field kind and exact round-trips of stored values. */
export function valueCases(ctx: SuiteContext): void {
  describe('validation', () => {
    for (const [title, input, path] of BAD_VALUES) {
      it(`refuses ${title} (VALIDATION_FAILED at ${path}) and writes nothing`, async () => {
        const { storage } = ctx.tenant();
        await expectFailure(storage.insert(confItem, [input as never]), 'VALIDATION_FAILED', {
          path,
        });
        expect(await storage.count(confItem)).toBe(0);
      });
    }

    it('refuses unknown fields with reason unknown_field', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(
        storage.insert(confItem, [{ name: 'x', bogus: 1 } as never]),
        'VALIDATION_FAILED',
        {
          path: 'bogus',
          reason: 'unknown_field',
        },
      );
      const [item] = await storage.insert(confItem, [{ name: 'x' }]);
      await expectFailure(
        storage.update(confItem, item?.id as string, { version: 7 } as never),
        'VALIDATION_FAILED',
        {
          reason: 'unknown_field',
        },
      );
    });

    it('refuses a missing required field', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(storage.insert(confItem, [{} as never]), 'VALIDATION_FAILED', {
        path: 'name',
      });
    });

    it('names batch rows in paths (rows.N.field) and writes nothing when one row is bad', async () => {
      const { storage } = ctx.tenant();
      const rows = [
        { name: 'ok' },
        { name: 'ok too' },
        { name: 'bad', email: 'nope' },
        { name: 'fine' },
      ];
      await expectFailure(storage.insert(confItem, rows), 'VALIDATION_FAILED', {
        path: 'rows.2.email',
      });
      expect(await storage.count(confItem)).toBe(0);
    });

    it('accepts text of exactly maxLength characters (code points) and refuses one more', async () => {
      const { storage } = ctx.tenant();
      const [plain] = await storage.insert(confItem, [{ name: 'long', note: 'x'.repeat(5000) }]);
      expect(plain?.note).toHaveLength(5000);
      const emoji = '😀'.repeat(5000);
      const [wide] = await storage.insert(confItem, [{ name: 'wide', note: emoji }]);
      expect((await storage.get(confItem, wide?.id as string))?.note).toBe(emoji);
      await expectFailure(
        storage.insert(confItem, [{ name: 'x', note: 'x'.repeat(5001) }]),
        'VALIDATION_FAILED',
        {
          path: 'note',
        },
      );
      await expectFailure(
        storage.insert(confItem, [{ name: 'y'.repeat(201) }]),
        'VALIDATION_FAILED',
        { path: 'name' },
      );
    });

    it('converts accepted inputs: numbers and short decimals to canonical strings, objects to Money, ISO strings to Dates', async () => {
      const { storage } = ctx.tenant();
      const [item] = await storage.insert(confItem, [
        {
          name: 'coerce',
          price: 12 as unknown as string,
          rate: '0.5',
          amount: { amount: '10', currency: 'EUR' } as unknown as Money,
          happenedAt: '2026-03-05T12:30:00.123+02:00' as unknown as Date,
        },
      ]);
      expect(item?.price).toBe('12.00');
      expect(item?.rate).toBe('0.5000');
      expect(item?.amount).toBeInstanceOf(Money);
      expect(item?.amount?.toString()).toBe('10.00');
      expect(item?.happenedAt).toEqual(new Date('2026-03-05T10:30:00.123Z'));
    });

    it('refuses invalid tenant ids', () => {
      for (const tenantId of ['', 'has space', 'x'.repeat(65), 'semi;colon', 42]) {
        expect(() => ctx.adapter().forTenant(tenantId as string)).toThrow(
          expect.objectContaining({ code: 'VALIDATION_FAILED' }),
        );
      }
    });

    it('refuses models that were not set up (CONFIGURATION_INVALID)', async () => {
      const { storage } = ctx.tenant();
      const stranger = { ...confItem, name: 'confStranger' };
      await expectFailure(storage.insert(stranger, [{ name: 'x' }]), 'CONFIGURATION_INVALID');
      await expectFailure(storage.find(stranger), 'CONFIGURATION_INVALID');
    });
  });

  describe('round-trips', () => {
    it('money keeps amount and currency exactly (2, 0 and 3 decimals, negative, 20 digits)', async () => {
      const { storage } = ctx.tenant();
      const amounts = [
        Money.of('19.99', 'EUR'),
        Money.of('-0.01', 'USD'),
        Money.of('1500', 'JPY'),
        Money.of('1.234', 'KWD'),
        Money.of('99999999999999999999.99', 'EUR'),
        Money.of('0', 'CHF'),
      ];
      const items = await storage.insert(
        confItem,
        amounts.map((amount, index) => ({ name: `m${index}`, amount })),
      );
      const read = await storage.getMany(
        confItem,
        items.map((item) => item.id),
      );
      for (const [index, amount] of amounts.entries()) {
        const found = read.find((item) => item.name === `m${index}`);
        expect(found?.amount?.equals(amount), `${amount.toString()} ${amount.currency}`).toBe(true);
        expect(found?.amount?.toString()).toBe(amount.toString());
      }
    });

    it('decimals come back as canonical strings with the field scale', async () => {
      const { storage } = ctx.tenant();
      const values: [string, string, string, string][] = [
        ['0', '0', '0.00', '0.0000'],
        ['-12.5', '1.2345', '-12.50', '1.2345'],
        ['999999999999.99', '-99999999.9999', '999999999999.99', '-99999999.9999'],
        ['0.01', '0.0001', '0.01', '0.0001'],
      ];
      for (const [price, rate, expectedPrice, expectedRate] of values) {
        const [item] = await storage.insert(confItem, [{ name: price, price, rate }]);
        const read = await storage.get(confItem, item?.id as string);
        expect(read?.price).toBe(expectedPrice);
        expect(read?.rate).toBe(expectedRate);
      }
    });

    it('timestamps round-trip to the millisecond (before 1970, far future, sub-second)', async () => {
      const { storage } = ctx.tenant();
      const instants = [
        '2026-03-05T10:11:12.345Z',
        '1969-07-20T20:17:40.001Z',
        '9999-12-31T23:59:59.999Z',
        '0001-01-01T00:00:00.000Z',
        '2000-02-29T00:00:00.007Z',
      ];
      for (const instant of instants) {
        const [item] = await storage.insert(confItem, [
          { name: instant, happenedAt: new Date(instant) },
        ]);
        expect((await storage.get(confItem, item?.id as string))?.happenedAt?.toISOString()).toBe(
          new Date(instant).toISOString(),
        );
      }
    });

    it('dates round-trip as YYYY-MM-DD (leap day, year boundaries, early years)', async () => {
      const { storage } = ctx.tenant();
      for (const day of ['2024-02-29', '1999-12-31', '2000-01-01', '0001-01-01', '9999-12-31']) {
        const [item] = await storage.insert(confItem, [{ name: day, dueOn: day }]);
        expect((await storage.get(confItem, item?.id as string))?.dueOn).toBe(day);
      }
    });

    it('json round-trips (nested objects, arrays, unicode, numbers, booleans, null members)', async () => {
      const { storage } = ctx.tenant();
      const meta = {
        a: [1, 2.5, -3e-7, { b: null, c: true }],
        ключ: 'значение 😀',
        quote: 'it\'s "quoted" \\ back',
        big: 9007199254740991,
        empty: {},
        list: [],
      };
      const [item] = await storage.insert(confItem, [{ name: 'json', meta }]);
      expect((await storage.get(confItem, item?.id as string))?.meta).toEqual(meta);
      const [scalar] = await storage.insert(confItem, [{ name: 'scalar', meta: 'just a string' }]);
      expect((await storage.get(confItem, scalar?.id as string))?.meta).toBe('just a string');
    });

    it('text lists, booleans and integers round-trip', async () => {
      const { storage } = ctx.tenant();
      const [item] = await storage.insert(confItem, [
        {
          name: 'mixed',
          tags: ['b', 'a', 'b', 'ü 😀', "it's"],
          active: false,
          quantity: -7,
          big: Number.MAX_SAFE_INTEGER,
        },
      ]);
      const read = await storage.get(confItem, item?.id as string);
      expect(read).toMatchObject({
        tags: ['b', 'a', 'b', 'ü 😀', "it's"],
        active: false,
        quantity: -7,
        big: Number.MAX_SAFE_INTEGER,
      });
      const [negative] = await storage.insert(confItem, [
        { name: 'neg', big: Number.MIN_SAFE_INTEGER },
      ]);
      expect((await storage.get(confItem, negative?.id as string))?.big).toBe(
        Number.MIN_SAFE_INTEGER,
      );
    });

    it('text keeps quotes, backslashes, percent signs, newlines and astral characters', async () => {
      const { storage } = ctx.tenant();
      const text = 'O\'Brien "quoted" back\\slash 100% a_b\nline2\t😀 \uFFFD ñ';
      const [item] = await storage.insert(confItem, [{ name: 'text', note: text }]);
      expect((await storage.get(confItem, item?.id as string))?.note).toBe(text);
    });
  });
}
