import { Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { company } from '../companies/company-model.js';
import { resolveSegmentFilter } from './segment-filter.js';

const now = new Date('2026-03-05T10:00:00.000Z');

describe('resolveSegmentFilter', () => {
  it('resolves $daysAgo on timestamps to an instant', () => {
    expect(resolveSegmentFilter(company, { createdAt: { gte: { $daysAgo: 2 } } }, now)).toEqual({
      createdAt: { gte: new Date('2026-03-03T10:00:00.000Z') },
    });
  });

  it('keeps Date and Money values as they are, not as empty objects', () => {
    const since = new Date('2026-01-01T00:00:00.000Z');
    const revenue = Money.of('1000000', 'EUR');
    const where = resolveSegmentFilter(
      company,
      { createdAt: { gte: since }, annualRevenue: { gte: revenue } },
      now,
    ) as Record<string, Record<string, unknown>>;
    expect(where.createdAt?.gte).toBe(since);
    expect(where.annualRevenue?.gte).toBe(revenue);
  });
});
