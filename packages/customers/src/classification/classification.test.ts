import { forEachAdapter } from '@sellkit/core/testing';
import { describe, expect, it } from 'vitest';
import { customers } from '../module.js';
import { ADAPTERS } from '../test-support/adapters.js';
import { classificationSuite } from '../test-support/classification.suite.js';
import { defaultPotentialRules } from './potential.js';
import { DEFAULT_SIZE_THRESHOLDS, deriveSizeClass, resolveSizeThresholds } from './size-class.js';

forEachAdapter(ADAPTERS, (adapter) => classificationSuite(adapter.name, adapter.create));

describe('classification configuration', () => {
  it('derives size classes with EU thresholds by default', () => {
    expect(DEFAULT_SIZE_THRESHOLDS).toEqual({ mediumFrom: 50, largeFrom: 250 });
    expect([0, 49, 50, 249, 250].map((count) => deriveSizeClass(count))).toEqual([
      'small',
      'small',
      'medium',
      'medium',
      'large',
    ]);
    expect(() => resolveSizeThresholds({ mediumFrom: 300, largeFrom: 250 })).toThrowError(
      /mediumFrom/,
    );
  });

  it('refuses an invalid rule set or foreign band labels when the module is built', () => {
    expect(() =>
      customers({ classification: { id: 'x', version: 1, rules: [{ id: 'r' }], bands: [] } }),
    ).toThrowError(/classification rule set is invalid/);
    expect(() =>
      customers({
        classification: {
          ...defaultPotentialRules,
          rules: [
            {
              id: 'r',
              condition: { fact: 'company.employees', operator: 'gtt', value: 1 },
              outcome: { points: 1 },
            },
          ],
        },
      }),
    ).toThrowError(/invalid/);
    expect(() =>
      customers({
        classification: { ...defaultPotentialRules, bands: [{ label: 'hot', priority: 1 }] },
      }),
    ).toThrowError(/bands must be labelled/);
  });
});
