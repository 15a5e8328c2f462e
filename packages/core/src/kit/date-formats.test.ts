import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateLayoutReader } from './date-formats.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('dateLayoutReader', () => {
  const reader = dateLayoutReader(['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy', 'dd.MM.yyyy']);

  it('reads each value in the layout it is written in', () => {
    expect(reader.read('2017-04-03')).toEqual({
      ok: true,
      date: '2017-04-03',
      layouts: ['yyyy-MM-dd'],
    });
    expect(reader.read(' 25/04/2017 ')).toEqual({
      ok: true,
      date: '2017-04-25',
      layouts: ['dd/MM/yyyy'],
    });
    expect(reader.read('04/25/2017')).toEqual({
      ok: true,
      date: '2017-04-25',
      layouts: ['MM/dd/yyyy'],
    });
    expect(reader.read('03.04.2017')).toEqual({
      ok: true,
      date: '2017-04-03',
      layouts: ['dd.MM.yyyy'],
    });
  });

  it('reports a value two layouts read differently instead of guessing', () => {
    expect(reader.read('03/04/2017')).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: [
        { date: '2017-04-03', layout: 'dd/MM/yyyy' },
        { date: '2017-03-04', layout: 'MM/dd/yyyy' },
      ],
    });
    // Both layouts agree when day and month are equal: no ambiguity.
    expect(reader.read('04/04/2017')).toMatchObject({ ok: true, date: '2017-04-04' });
  });

  it('refuses days that do not exist and text that fits no layout', () => {
    expect(reader.read('2017-02-29')).toEqual({ ok: false, reason: 'unparseable' });
    expect(reader.read('2016-02-29')).toMatchObject({ ok: true, date: '2016-02-29' });
    expect(reader.read('31/31/2017')).toEqual({ ok: false, reason: 'unparseable' });
    expect(reader.read('April 3rd')).toEqual({ ok: false, reason: 'unparseable' });
    expect(reader.read('')).toEqual({ ok: false, reason: 'unparseable' });
  });

  it('reads one-digit months and days with M and d', () => {
    const short = dateLayoutReader(['M/d/yyyy']);
    expect(short.read('4/3/2017')).toMatchObject({ ok: true, date: '2017-04-03' });
    expect(short.read('12/31/2017')).toMatchObject({ ok: true, date: '2017-12-31' });
  });

  it('refuses bad layouts when compiled', () => {
    expect(() => dateLayoutReader([])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => dateLayoutReader(['yyyy-MM'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => dateLayoutReader(['yyyy-MM-dd HH'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => dateLayoutReader(['yyyy-dd-dd'])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('property: a real date written in a layout reads back to itself, ambiguous only when day/month swap', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (at) => {
          const [y, m, d] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
          const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
          expect(reader.read(iso)).toMatchObject({ ok: true, date: iso });
          const dayFirst = reader.read(`${pad(d)}/${pad(m)}/${pad(y, 4)}`);
          if (d !== m && d <= 12)
            expect(dayFirst).toMatchObject({ ok: false, reason: 'ambiguous' });
          else expect(dayFirst).toMatchObject({ ok: true, date: iso });
        },
      ),
    );
  });
});
