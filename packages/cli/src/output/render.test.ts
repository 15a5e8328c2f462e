import { describe, expect, it } from 'vitest';
import { memoryIo } from '../test-support/memory-io.js';
import { formatCell } from './format-value.js';
import { createLocalisation } from './localisation.js';
import type { Report } from './report.js';
import { displayWidth } from './text-width.js';
import { outputFormat, writeReport } from './write-report.js';

const report: Report = {
  id: 'pipeline',
  title: 'Pipeline',
  facts: { tenant: 'acme', currency: 'USD' },
  sections: [
    {
      id: 'stages',
      title: 'By stage',
      columns: [
        { key: 'stage', label: 'stage' },
        { key: 'count', label: 'deals', kind: 'integer' },
        { key: 'amount', label: 'amount', kind: 'money' },
        { key: 'rate', label: 'rate', kind: 'percent' },
      ],
      rows: [
        { stage: 'Prospecting', count: 1200, amount: '1234567.50', rate: 0.5 },
        { stage: 'Won, "big"', count: 3, amount: '-12.00', rate: 0.125 },
      ],
    },
    { id: 'empty', title: 'Nothing', columns: [{ key: 'x', label: 'x' }], rows: [] },
  ],
};

function render(format: 'table' | 'plain' | 'json' | 'csv', section?: string) {
  const io = memoryIo({ tty: format === 'table' });
  writeReport(io, report, format, section);
  return io.stdout.text();
}

describe('formatCell', () => {
  it('groups digits without going through floats', () => {
    expect(formatCell('12345678901234567890.25', 'money')).toBe('12,345,678,901,234,567,890.25');
    expect(formatCell(-1234, 'integer')).toBe('-1,234');
    expect(formatCell(0.4567, 'percent')).toBe('45.7%');
    expect(formatCell(null, 'money')).toBe('');
    expect(formatCell('n/a', 'money')).toBe('n/a');
  });
});

describe('report output', () => {
  it('chooses the format from the flags and the terminal', () => {
    expect(outputFormat({ json: true }, memoryIo())).toBe('json');
    expect(outputFormat({ csv: true }, memoryIo({ tty: true }))).toBe('csv');
    expect(outputFormat({}, memoryIo({ tty: true }))).toBe('table');
    expect(outputFormat({}, memoryIo())).toBe('plain');
    expect(() => outputFormat({ json: true, csv: true }, memoryIo())).toThrow(
      /one of --json and --csv/,
    );
  });

  it('draws boxed tables on a terminal, numbers right-aligned', () => {
    const text = render('table');
    expect(text).toContain('┌');
    expect(text).toContain('│ Prospecting │ 1,200 │ 1,234,567.50 │ 50.0% │');
    expect(text).toContain('(none)');
  });

  it('prints aligned plain text when piped', () => {
    const text = render('plain');
    expect(text).not.toContain('│');
    expect(text).not.toContain('\u001b[');
    const lines = text.split('\n');
    expect(lines).toContain('stage        deals        amount   rate');
    expect(lines).toContain('Prospecting  1,200  1,234,567.50  50.0%');
    expect(lines).toContain('Won, "big"       3        -12.00  12.5%');
  });

  it('prints JSON with raw values', () => {
    const json = JSON.parse(render('json'));
    expect(json).toEqual({
      report: 'pipeline',
      title: 'Pipeline',
      tenant: 'acme',
      currency: 'USD',
      sections: {
        stages: [
          { stage: 'Prospecting', count: 1200, amount: '1234567.50', rate: 0.5 },
          { stage: 'Won, "big"', count: 3, amount: '-12.00', rate: 0.125 },
        ],
        empty: [],
      },
    });
    expect(Object.keys(JSON.parse(render('json', 'stages')).sections)).toEqual(['stages']);
  });

  it('prints one CSV document: long form, or one section as a table', () => {
    expect(render('csv', 'stages')).toBe(
      'stage,count,amount,rate\r\nProspecting,1200,1234567.50,0.5\r\n"Won, ""big""",3,-12.00,0.125\r\n',
    );
    const long = render('csv').split('\r\n');
    expect(long[0]).toBe('section,row,column,value');
    expect(long).toContain('stages,2,amount,-12.00');
    expect(long).toContain('stages,1,stage,Prospecting');
    expect(long.filter((line) => line.startsWith('stages,'))).toHaveLength(8);
  });

  it('refuses an unknown section with a usage error naming the sections', () => {
    expect(() => render('csv', 'nope')).toThrow(
      /unknown section "nope"; pipeline has stages, empty/,
    );
    expect(() => render('plain', 'nope')).toThrow(/unknown section/);
  });
});

describe('boxed tables on a narrow terminal', () => {
  it('wrap the widest text column instead of overflowing', () => {
    const io = memoryIo({ tty: true });
    Object.assign(io.stdout, { columns: 40 });
    const wide: Report = {
      id: 'deals',
      title: 'Deals',
      sections: [
        {
          id: 'top',
          title: 'Top',
          columns: [
            { key: 'deal', label: 'deal' },
            { key: 'score', label: 'score', kind: 'integer' },
            { key: 'why', label: 'why' },
          ],
          rows: [
            {
              deal: 'Acme',
              score: 80,
              why: '+25 Large deal; +20 Budget confirmed; +15 Engaged recently',
            },
          ],
        },
      ],
    };
    writeReport(io, wide, 'table');
    const lines = io.stdout
      .text()
      .split('\n')
      .filter((line) => line.startsWith('│') || line.startsWith('┌'));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines.filter((line) => line.includes('Acme'))).toHaveLength(1);
    expect(io.stdout.text()).toContain('Budget');
  });
});

describe('tables for people in a locale', () => {
  const local: Report = {
    id: 'demo',
    title: '演示',
    factLines: [{ label: '赢单收入', value: '1234.50 CNY', kind: 'amounts' }],
    facts: { 'won revenue': '1234.50 CNY' },
    sections: [
      {
        id: 'birthdays',
        title: '近期生日',
        columns: [
          { key: 'date', label: '日期', kind: 'date' },
          { key: 'contact', label: '联系人' },
          { key: 'amount', label: '金额', kind: 'amounts' },
        ],
        rows: [
          { date: '2026-03-31', contact: '张伟', amount: '1234.50 CNY' },
          { date: '2026-12-01', contact: 'Ada Bauer', amount: '-12.00 CNY' },
        ],
      },
    ],
  };

  it('format values in the locale and align columns by display width (CJK is two wide)', () => {
    const io = memoryIo();
    writeReport(io, local, 'plain', undefined, createLocalisation('zh-CN'));
    expect(io.stdout.text().split('\n')).toEqual([
      '演示',
      '赢单收入  ¥1,234.50',
      '',
      '近期生日：',
      '日期           联系人          金额',
      '2026年3月31日  张伟       ¥1,234.50',
      '2026年12月1日  Ada Bauer    -¥12.00',
      '',
    ]);
  });

  it('box CJK tables with straight borders', () => {
    const io = memoryIo({ tty: true });
    writeReport(io, local, 'table', undefined, createLocalisation('zh-CN'));
    const rows = io.stdout
      .text()
      .split('\n')
      .filter((line) => /^[│┌├└]/.test(line));
    const widths = rows.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
  });

  it('leaves JSON and CSV exactly as they are whatever the locale', () => {
    for (const format of ['json', 'csv'] as const) {
      const english = memoryIo();
      writeReport(english, local, format);
      const chinese = memoryIo();
      writeReport(chinese, local, format, undefined, createLocalisation('zh-CN'));
      expect(chinese.stdout.text()).toBe(english.stdout.text());
      expect(chinese.stdout.text()).toContain('1234.50 CNY');
    }
  });
});
