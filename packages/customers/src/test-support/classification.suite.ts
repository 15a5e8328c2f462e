import { Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { defaultPotentialRules } from '../classification/potential.js';
import { type AdapterFactory, expectError, setup } from './harness.js';

/** The classification suite, run per adapter. */
export function classificationSuite(name: string, factory: AdapterFactory): void {
  describe(`classification (${name})`, () => {
    it('computes purchase potential with the rule set and explains it', async () => {
      const { admin } = await setup(factory, { classification: defaultPotentialRules });
      await admin.tags.create({ name: 'key account' });
      const big = await admin.companies.create({
        name: 'Big Maker',
        industry: 'manufacturing',
        employees: 5000,
        annualRevenue: Money.of('250000000.00', 'USD'),
        tags: ['key account'],
      });
      // large 30 + revenue 25 + industry 20 + key account 20 = 95
      expect(big).toMatchObject({ purchasePotential: 'high', purchasePotentialSource: 'rules' });
      const explained = await admin.explainClassification(big.id);
      expect(explained.sizeClass).toMatchObject({
        value: 'large',
        source: 'derived',
        reason: '5000 employees >= 250',
      });
      expect(explained.purchasePotential.total).toBe(95);
      expect(explained.purchasePotential.fired.map((rule) => rule.id)).toEqual([
        'large-company',
        'high-revenue',
        'target-industry',
        'key-account',
      ]);
      expect(explained.purchasePotential.ruleSet).toEqual({
        id: 'customers.purchase-potential',
        version: 1,
      });
      expect(explained.purchasePotential.reason).toContain('band high');
      expect(explained.purchasePotential.rules).toHaveLength(6);

      const small = await admin.companies.create({
        name: 'Corner Shop',
        industry: 'retail',
        employees: 3,
      });
      expect(small.purchasePotential).toBe('low');
      const revenueInEuro = await admin.companies.create({
        name: 'Euro',
        employees: 100,
        annualRevenue: Money.of('900000000.00', 'EUR'),
      });
      // Money compares exactly and only in its own currency: 15 points, low.
      expect(revenueInEuro.purchasePotential).toBe('low');
    });

    it('re-evaluates when the facts change: fields, tags and interactions', async () => {
      const { admin } = await setup(factory, { classification: defaultPotentialRules });
      await admin.tags.create({ name: 'key account' });
      const company = await admin.companies.create({
        name: 'Grower',
        industry: 'software',
        employees: 100,
      });
      expect(company.purchasePotential).toBe('medium'); // medium 15 + industry 20
      const bigger = await admin.companies.update(company.id, { employees: 400 });
      expect(bigger.purchasePotential).toBe('medium'); // large 30 + industry 20
      const tagged = await admin.tags.add(['key account'], { companies: [company.id] });
      expect(tagged.changed).toBe(1);
      expect((await admin.companies.get(company.id)).purchasePotential).toBe('high'); // 70
      const quiet = await admin.companies.create({
        name: 'Quiet',
        employees: 300,
        industry: 'retail',
        tags: ['key account'],
      });
      expect(quiet.purchasePotential).toBe('medium'); // 30 + 20
      await admin.interactions.log({ type: 'visit', companyId: quiet.id });
      expect((await admin.companies.get(quiet.id)).purchasePotential).toBe('high'); // + recent engagement 10
    });

    it('pins a potential set by hand until it is cleared', async () => {
      const { admin } = await setup(factory, { classification: defaultPotentialRules });
      const company = await admin.companies.create({
        name: 'Hand',
        employees: 3,
        purchasePotential: 'high',
      });
      expect(company).toMatchObject({
        purchasePotential: 'high',
        purchasePotentialSource: 'manual',
      });
      expect((await admin.explainClassification(company.id)).purchasePotential).toMatchObject({
        source: 'manual',
        reason: 'set by hand',
      });
      const cleared = await admin.companies.update(company.id, { purchasePotential: null });
      expect(cleared).toMatchObject({ purchasePotential: 'low', purchasePotentialSource: 'rules' });
    });

    it('without a rule set potential is only set by hand', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'Plain', employees: 5000 });
      expect(company.purchasePotential).toBeNull();
      expect((await admin.explainClassification(company.id)).purchasePotential.source).toBe('none');
      await expectError(
        admin.companies.create({ name: 'x', purchasePotential: 'huge' as never }),
        'VALIDATION_FAILED',
        'purchasePotential',
      );
    });

    it('says when a time-relative rule has changed its mind, and reclassify catches up', async () => {
      const { admin, clock } = await setup(factory, { classification: defaultPotentialRules });
      const company = await admin.companies.create({
        name: 'Fading',
        employees: 300,
        industry: 'software',
      });
      await admin.interactions.log({ type: 'meeting', companyId: company.id });
      expect((await admin.companies.get(company.id)).purchasePotential).toBe('high'); // 30 + 20 + 10
      clock.advance(100 * 86_400_000);
      const why = await admin.explainClassification(company.id);
      expect(why.purchasePotential).toMatchObject({ value: 'high', current: 'medium' });
      expect(why.purchasePotential.reason).toContain('reclassify');
      expect(await admin.reclassify()).toEqual({ checked: 1, changed: 1 });
      expect((await admin.explainClassification(company.id)).purchasePotential).toMatchObject({
        value: 'medium',
        current: 'medium',
      });
    });

    it('reclassifies in batches and reports what changed', async () => {
      const { admin, rep1 } = await setup(factory, { classification: defaultPotentialRules });
      for (let index = 0; index < 5; index += 1)
        await admin.companies.create({ name: `C${index}`, employees: index * 100 });
      expect(await admin.reclassify()).toEqual({ checked: 5, changed: 0 });
      expect(await rep1.reclassify()).toEqual({ checked: 0, changed: 0 });
    });
  });
}
