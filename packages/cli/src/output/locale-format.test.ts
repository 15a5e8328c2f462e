import { describe, expect, it } from 'vitest';
import { formatCell } from './format-value.js';
import { createLocaleFormat } from './locale-format.js';
import { createLocalisation } from './localisation.js';

/** ICU versions differ on which space they put between a code or a time and the rest. */
function spaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

const zh = createLocaleFormat('zh-CN');
const us = createLocaleFormat('en-US');

describe('createLocaleFormat: money', () => {
  it('formats CNY and USD for zh-CN and en-US', () => {
    expect(zh.money('1234.50', 'CNY')).toBe('¥1,234.50');
    expect(us.money('1234.50', 'USD')).toBe('$1,234.50');
    expect(us.money('1234.50', 'CNY')).toBe('CN¥1,234.50');
    expect(zh.money('1234.50', 'USD')).toBe('US$1,234.50');
    expect(us.money('0.00', 'EUR')).toBe('€0.00');
  });

  it('prints a 20-digit amount exactly, digit for digit (no float)', () => {
    expect(zh.money('12345678901234567890.25', 'CNY')).toBe('¥12,345,678,901,234,567,890.25');
    expect(us.money('99999999999999999999.99', 'USD')).toBe('$99,999,999,999,999,999,999.99');
    expect(us.decimal('12345678901234567890.05')).toBe('12,345,678,901,234,567,890.05');
    // A float would have made this 12345678901234567000.
    expect(us.integer('12345678901234567891')).toBe('12,345,678,901,234,567,891');
  });

  it('keeps the sign of negative amounts and the fraction digits the string has', () => {
    expect(zh.money('-1234.50', 'CNY')).toBe('-¥1,234.50');
    expect(us.money('-0.05', 'USD')).toBe('-$0.05');
    expect(us.money('1500', 'JPY')).toBe('¥1,500');
    expect(spaces(us.money('12.345', 'BHD'))).toBe('BHD 12.345');
    expect(us.money('12.3', 'USD')).toBe('$12.3');
  });

  it('leaves text that is not an amount alone', () => {
    expect(us.money('n/a', 'USD')).toBe('n/a USD');
    expect(us.decimal('1e5')).toBe('1e5');
  });
});

describe('createLocaleFormat: numbers, percentages, dates', () => {
  it('groups counts and localises percentages', () => {
    expect(zh.integer(1234567)).toBe('1,234,567');
    expect(us.integer(-1234)).toBe('-1,234');
    expect(us.percent(0.4567)).toBe('45.7%');
    expect(zh.percent(0.125)).toBe('12.5%');
    expect(createLocaleFormat('de-DE').decimal('1234567.50')).toBe('1.234.567,50');
    expect(spaces(createLocaleFormat('fr-FR').percent(0.5))).toBe('50,0 %');
  });

  it('formats calendar dates and months without any time-zone shift', () => {
    expect(zh.date('2026-03-31')).toBe('2026年3月31日');
    expect(us.date('2026-03-31')).toBe('Mar 31, 2026');
    expect(zh.month('2026-03')).toBe('2026年3月');
    expect(us.month('2026-03')).toBe('Mar 2026');
    // A zone far from UTC never moves a calendar date.
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai']) {
      const format = createLocaleFormat('en-US', { timeZone });
      expect(format.date('2026-01-01')).toBe('Jan 1, 2026');
      expect(format.month('2026-12')).toBe('Dec 2026');
    }
    expect(us.date('(none)')).toBe('(none)');
    expect(us.date('2026-13-45')).toBe('2026-13-45');
    expect(us.date('2026-02-30')).toBe('2026-02-30');
    expect(us.month('2026-13')).toBe('2026-13');
  });

  it('formats instants in the time zone it was given (UTC by default)', () => {
    const instant = new Date('2026-03-31T16:30:00Z');
    expect(us.timeZone).toBe('UTC');
    expect(spaces(us.instant(instant))).toBe('Mar 31, 2026, 4:30 PM');
    const shanghai = createLocaleFormat('zh-CN', { timeZone: 'Asia/Shanghai' });
    expect(shanghai.instant(instant)).toBe('2026年4月1日 00:30');
  });
});

describe('formatCell in a locale', () => {
  const chinese = createLocalisation('zh-CN');

  it('formats every column kind through the locale', () => {
    expect(formatCell('1234.50 CNY + 20.00 USD', 'amounts', chinese)).toBe('¥1,234.50 + US$20.00');
    expect(formatCell('0', 'amounts', chinese)).toBe('0');
    expect(formatCell('1234567.50', 'money', chinese)).toBe('1,234,567.50');
    expect(formatCell('2026-03-31', 'date', chinese)).toBe('2026年3月31日');
    expect(formatCell('2026-03', 'month', chinese)).toBe('2026年3月');
    expect(formatCell('(none)', 'text', chinese)).toBe('（无）');
    expect(formatCell('(none)', 'month', chinese)).toBe('（无）');
    expect(formatCell(true, 'text', chinese)).toBe('是');
    expect(formatCell('2026-03-31', 'date')).toBe('Mar 31, 2026');
    expect(formatCell('1234.50 USD', 'amounts')).toBe('$1,234.50');
  });
});
