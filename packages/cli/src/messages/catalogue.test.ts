import { describe, expect, it } from 'vitest';
import { codeName, messagesFor, pipelineName, stageName } from './catalogue.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** The keys of a catalogue, nested, with the code lists left out (they are open-ended). */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .filter(([key]) => prefix !== '' || key !== 'codes')
    .flatMap(([key, item]) => keys(item, prefix ? `${prefix}.${key}` : key));
}

describe('message catalogues', () => {
  it('pick Chinese for zh locales, English for the rest', () => {
    expect(messagesFor('zh-CN')).toBe(zhCN);
    expect(messagesFor('zh-Hans-CN')).toBe(zhCN);
    expect(messagesFor('en-US')).toBe(en);
    expect(messagesFor('de-DE')).toBe(en);
  });

  it('have the same keys (the type makes a missing one a compile error; this checks extras)', () => {
    expect(keys(zhCN)).toEqual(keys(en));
  });

  it('translate the default stages, pipeline and stored codes, and leave the rest as it is', () => {
    expect(stageName('Prospecting', zhCN)).toBe('潜在客户');
    expect(stageName('Engaging', zhCN)).toBe('Engaging');
    expect(stageName('Prospecting', en)).toBe('Prospecting');
    expect(pipelineName('Sales', zhCN)).toBe('销售');
    expect(pipelineName('Maven CRM', zhCN)).toBe('Maven CRM');
    expect(codeName('lifecycle', 'customer', zhCN)).toBe('客户');
    expect(codeName('industry', 'aerospace', zhCN)).toBe('aerospace');
    expect(codeName('industry', 'toString', zhCN)).toBe('toString');
    expect(codeName('sizeClass', 'large', en)).toBe('large');
  });

  it('word the demo in both languages', () => {
    expect(en.demo.overdueTasks(12)).toBe('Overdue tasks by rep (12 in all)');
    expect(zhCN.demo.overdueTasks(12)).toBe('各销售的逾期任务（共 12 项）');
    expect(zhCN.demo.wonDeals('31')).toBe('（31 个商机）');
  });
});
