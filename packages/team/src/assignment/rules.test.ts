import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rep } from '../reps/rep-model.js';
import { periodsOverlap } from '../shared/dates.js';
import { rotate } from './round-robin.js';
import { ruleMatches } from './rule-match.js';
import { parseAssignmentRules } from './rule-schema.js';

const reps = (count: number) =>
  Array.from(
    { length: count },
    (_, index) => ({ id: `rep_${String(index).padStart(3, '0')}` }) as Rep,
  );

describe('rule matching', () => {
  const rule = parseAssignmentRules({
    rules: [
      {
        id: 'vip',
        when: { priority: 'high', segment: ['enterprise', 'public'], territoryWithin: 't-south' },
        assignTo: { territoryOf: 'record' },
      },
    ],
  }).rules[0];

  it('needs every condition; lists mean any of; territoryWithin follows the lineage', () => {
    if (!rule) throw new Error('no rule');
    const base = { model: 'lead', priority: 'high', segment: 'public', territoryId: 't-muc' };
    expect(ruleMatches(rule, base, ['t-muc', 't-south', 't-de'])).toBe(true);
    expect(ruleMatches(rule, base, ['t-muc', 't-north'])).toBe(false);
    expect(ruleMatches(rule, { ...base, priority: 'normal' }, ['t-south'])).toBe(false);
    expect(ruleMatches(rule, { ...base, segment: 'smb' }, ['t-south'])).toBe(false);
    expect(ruleMatches(rule, { model: 'lead' }, [])).toBe(false);
  });

  it('a rule without conditions matches everything', () => {
    const [any] = parseAssignmentRules({ rules: [{ id: 'any', assignTo: { team: 't' } }] }).rules;
    expect(any && ruleMatches(any, { model: 'x' }, [])).toBe(true);
  });
});

describe('round-robin order', () => {
  it('starts after the rep served last, wrapping around', () => {
    const pool = reps(4);
    expect(rotate(pool, null).map((rep) => rep.id)).toEqual(pool.map((rep) => rep.id));
    expect(rotate(pool, 'rep_001').map((rep) => rep.id)).toEqual([
      'rep_002',
      'rep_003',
      'rep_000',
      'rep_001',
    ]);
    expect(rotate(pool, 'rep_003').map((rep) => rep.id)).toEqual(pool.map((rep) => rep.id));
    // The last rep left the pool: carry on with whoever comes after them.
    expect(rotate(pool, 'rep_0015').map((rep) => rep.id)).toEqual([
      'rep_002',
      'rep_003',
      'rep_000',
      'rep_001',
    ]);
  });

  it('property: taking turns serves everyone once per round, whatever the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), (size, start) => {
        const pool = reps(size);
        let last: string | null = pool[start % size]?.id ?? null;
        const served: string[] = [];
        for (let turn = 0; turn < size; turn += 1) {
          const next = rotate(pool, last)[0] as Rep;
          served.push(next.id);
          last = next.id;
        }
        expect(new Set(served).size).toBe(size);
      }),
    );
  });
});

describe('periods', () => {
  it('are half-open: ending the day the next starts is no overlap', () => {
    expect(
      periodsOverlap({ from: '2025-01-01', to: '2025-02-01' }, { from: '2025-02-01', to: null }),
    ).toBe(false);
    expect(
      periodsOverlap({ from: '2025-01-01', to: '2025-02-02' }, { from: '2025-02-01', to: null }),
    ).toBe(true);
    expect(periodsOverlap({ from: '2025-01-01', to: null }, { from: '2024-01-01', to: null })).toBe(
      true,
    );
  });

  it('property: overlap is symmetric and means a shared day', () => {
    const day = fc.integer({ min: 0, max: 60 });
    const period = fc
      .tuple(day, fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }))
      .map(([from, length]) => ({
        from: new Date(Date.UTC(2025, 0, 1 + from)).toISOString().slice(0, 10),
        to:
          length === null
            ? null
            : new Date(Date.UTC(2025, 0, 1 + from + length)).toISOString().slice(0, 10),
      }));
    fc.assert(
      fc.property(period, period, (a, b) => {
        expect(periodsOverlap(a, b)).toBe(periodsOverlap(b, a));
        let shared = false;
        for (let offset = 0; offset < 200 && !shared; offset += 1) {
          const d = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
          const inA = a.from <= d && (a.to === null || d < a.to);
          const inB = b.from <= d && (b.to === null || d < b.to);
          shared = inA && inB;
        }
        expect(periodsOverlap(a, b)).toBe(shared);
      }),
    );
  });
});
