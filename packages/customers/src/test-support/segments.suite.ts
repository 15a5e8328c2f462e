import { definePlugin, field } from '@sellkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Company } from '../companies/company-model.js';
import { type AdapterFactory, collect, expectError, setup } from './harness.js';

const DAY = 86_400_000;
const INDUSTRIES = ['manufacturing', 'retail', 'medical'] as const;
const TAGS = ['key account', 'new customer'] as const;

type Leaf =
  | { industry: string }
  | { industry: { in: string[] } }
  | { industry: { ne: string } }
  | { sizeClass: string }
  | { tags: { contains: string } }
  | { employees: { gt: number } }
  | { employees: { lte: number } }
  | { ownerId: string };
type Filter = Leaf | { and: Filter[] } | { or: Filter[] } | { not: Filter };

/** An oracle for the generated filters, with the storage's two-valued null semantics. */
function matches(company: Company, filter: Filter): boolean {
  if ('and' in filter) return filter.and.every((item) => matches(company, item));
  if ('or' in filter) return filter.or.some((item) => matches(company, item));
  if ('not' in filter) return !matches(company, filter.not);
  const [[key, condition]] = Object.entries(filter) as [[string, unknown]];
  const value = (company as Record<string, unknown>)[key];
  if (typeof condition !== 'object') return value === condition;
  const { in: list, ne, contains, gt, lte } = condition as Record<string, unknown>;
  if (list) return (list as string[]).includes(value as string);
  if (ne !== undefined) return value !== ne;
  if (contains !== undefined) return (value as string[]).includes(contains as string);
  if (value === null) return false;
  if (gt !== undefined) return (value as number) > (gt as number);
  return (value as number) <= (lte as number);
}

const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.constantFrom(...INDUSTRIES).map((industry) => ({ industry })),
  fc.subarray([...INDUSTRIES]).map((list) => ({ industry: { in: list } })),
  fc.constantFrom(...INDUSTRIES).map((industry) => ({ industry: { ne: industry } })),
  fc.constantFrom('small', 'medium', 'large').map((sizeClass) => ({ sizeClass })),
  fc.constantFrom(...TAGS).map((tag) => ({ tags: { contains: tag } })),
  fc.integer({ min: 0, max: 600 }).map((gt) => ({ employees: { gt } })),
  fc.integer({ min: 0, max: 600 }).map((lte) => ({ employees: { lte } })),
  fc.constantFrom('rep-1', 'rep-2').map((ownerId) => ({ ownerId })),
);
const filter: fc.Arbitrary<Filter> = fc.letrec<{ node: Filter }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

/** The segment suite, run per adapter. */
export function segmentsSuite(name: string, factory: AdapterFactory): void {
  describe(`segments (${name})`, () => {
    it('"large companies tagged key account in manufacturing": the launch query', async () => {
      const { admin } = await setup(factory);
      await admin.tags.create({ name: 'key account' });
      await admin.tags.create({ name: 'new customer' });
      const make = (name: string, industry: string, employees: number, tags: string[]) =>
        admin.companies.create({ name, industry, employees, tags });
      await make('Anvil Works', 'manufacturing', 1200, ['key account']);
      await make('Bolt & Nut', 'manufacturing', 800, ['key account', 'new customer']);
      await make('Cog Small', 'manufacturing', 40, ['key account']);
      await make('Die Cast', 'manufacturing', 5000, ['new customer']);
      await make('Emporium', 'retail', 9000, ['key account']);
      const launch = await admin.segments.save({
        name: 'Launch of the X200',
        target: 'company',
        filter: {
          sizeClass: 'large',
          industry: 'manufacturing',
          tags: { contains: 'key account' },
        },
      });
      const page = await admin.segments.run(launch.id);
      expect(page.rows.map((row) => (row as Company).name)).toEqual(['Anvil Works', 'Bolt & Nut']);
      expect(await admin.segments.count(launch.id)).toBe(2);
      const csv = await collect(admin.segments.exportCsv(launch.id));
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'id,externalId,name,industry,sizeClass,employees,annualRevenue,annualRevenueCurrency,purchasePotential,lifecycleStage,country,parentId,ownerId,territoryId,tags,lastInteractionAt',
      );
      expect(lines).toHaveLength(3);
      expect(csv).toContain('key account; new customer');
    });

    it('refuses filters on unknown fields or operators at save time', async () => {
      const { admin } = await setup(factory);
      await expectError(
        admin.segments.save({ name: 'bad', target: 'company', filter: { industri: 'retail' } }),
        'VALIDATION_FAILED',
      );
      const wrongOperator = await expectError(
        admin.segments.save({ name: 'bad', target: 'company', filter: { employees: { gtx: 5 } } }),
        'VALIDATION_FAILED',
      );
      expect(wrongOperator.details.issues?.every((issue) => issue.path.startsWith('filter'))).toBe(
        true,
      );
      await expectError(
        admin.segments.save({ name: 'bad', target: 'deal' as never, filter: {} }),
        'VALIDATION_FAILED',
        'target',
      );
      await expectError(
        admin.segments.save({ name: 'bad', target: 'company', filter: [] as never }),
        'VALIDATION_FAILED',
        'filter',
      );
      await expectError(
        admin.segments.save({ name: 'bad', target: 'company', filter: {}, columns: ['nope'] }),
        'VALIDATION_FAILED',
        'columns.0',
      );
      await expectError(
        admin.segments.save({
          name: 'bad',
          target: 'company',
          filter: { createdAt: { lt: { $daysAgo: -3 } } },
        }),
        'VALIDATION_FAILED',
      );
      expect(await admin.segments.list()).toEqual([]);
    });

    it('filters on last interaction (relative dates) and on plugin fields', async () => {
      const loyalty = definePlugin({
        id: 'loyalty',
        extend: { company: { loyaltyTier: field.enum(['gold', 'silver'] as const) } },
      });
      const { admin, clock } = await setup(factory, {}, [loyalty]);
      const quiet = await admin.companies.create({ name: 'Quiet', loyaltyTier: 'gold' });
      const busy = await admin.companies.create({ name: 'Busy', loyaltyTier: 'silver' });
      await admin.companies.create({ name: 'Never' });
      await admin.interactions.log({
        type: 'call',
        companyId: quiet.id,
        occurredAt: new Date(clock.now().getTime() - 120 * DAY),
      });
      await admin.interactions.log({ type: 'call', companyId: busy.id });
      const dormant = await admin.segments.save({
        name: 'No contact for 90 days',
        target: 'company',
        filter: { lastInteractionAt: { lt: { $daysAgo: 90 } } },
      });
      expect(
        (await admin.segments.run(dormant.id)).rows.map((row) => (row as Company).name),
      ).toEqual(['Quiet']);
      const untouched = await admin.segments.save({
        name: 'Never or long ago',
        target: 'company',
        filter: {
          or: [{ lastInteractionAt: null }, { lastInteractionAt: { lt: { $daysAgo: 90 } } }],
        },
      });
      expect(
        (await admin.segments.run(untouched.id)).rows.map((row) => (row as Company).name),
      ).toEqual(['Never', 'Quiet']);
      const gold = await admin.segments.save({
        name: 'Gold',
        target: 'company',
        filter: { loyaltyTier: 'gold' },
      });
      expect((await admin.segments.run(gold.id)).rows.map((row) => (row as Company).name)).toEqual([
        'Quiet',
      ]);
      clock.advance(200 * DAY);
      // Relative dates are resolved when the segment runs, not when it was saved.
      expect(await admin.segments.count(dormant.id)).toBe(2);
      const recent = await admin.segments.preview('company', {
        lastInteractionAt: { gte: { $daysAgo: 365 } },
      });
      expect(recent.rows).toHaveLength(2);
    });

    it('segments contacts too, and exports to a stream', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'Acme' });
      await admin.contacts.create({ lastName: 'Zed', title: 'CEO', companyId: company.id });
      await admin.contacts.create({ lastName: 'Amy', title: 'CTO', companyId: company.id });
      await admin.contacts.create({ lastName: 'Solo', title: 'CEO' });
      const chiefs = await admin.segments.save({
        name: 'Chiefs at Acme',
        target: 'contact',
        filter: { companyId: company.id, title: { startsWith: 'C' } },
        columns: ['lastName', 'title'],
      });
      expect((await admin.segments.run(chiefs.id)).rows.map((row) => row.id)).toHaveLength(2);
      const chunks: string[] = [];
      const { Writable } = await import('node:stream');
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk.toString());
          done();
        },
      });
      expect(await admin.segments.exportCsv(chiefs.id, sink)).toEqual({ rows: 2 });
      expect(chunks.join('')).toBe('lastName,title\r\nZed,CEO\r\nAmy,CTO\r\n');
    });

    it('shared segments show each user only what they may see', async () => {
      const { admin, rep1, rep2 } = await setup(factory);
      await admin.companies.create({ name: 'R1', ownerId: 'rep-1', industry: 'retail' });
      await admin.companies.create({ name: 'R2', ownerId: 'rep-2', industry: 'retail' });
      const shared = await admin.segments.save({
        name: 'Retail',
        target: 'company',
        filter: { industry: 'retail' },
        shared: true,
      });
      const secret = await admin.segments.save({ name: 'Secret', target: 'company', filter: {} });
      expect((await rep1.segments.run(shared.id)).rows.map((row) => (row as Company).name)).toEqual(
        ['R1'],
      );
      expect(await rep2.segments.count(shared.id)).toBe(1);
      expect(await admin.segments.count(shared.id)).toBe(2);
      await expectError(rep1.segments.run(secret.id), 'FORBIDDEN');
      expect((await rep1.segments.list()).map((row) => row.name)).toEqual(['Retail']);
      const own = await rep1.segments.save({ name: 'Mine', target: 'company', filter: {} });
      expect((await rep1.segments.list()).map((row) => row.name)).toEqual(['Mine', 'Retail']);
      await expectError(rep2.segments.get(own.id), 'FORBIDDEN');
      const renamed = await rep1.segments.update(own.id, { name: 'Mine, renamed' });
      expect(renamed.name).toBe('Mine, renamed');
    });

    it('property: a segment counts exactly the rows its run pages and its export list, as an oracle says', async () => {
      const { admin } = await setup(factory);
      for (const tag of TAGS) await admin.tags.create({ name: tag });
      const sample = fc.sample(
        fc.record({
          industry: fc.option(fc.constantFrom(...INDUSTRIES), { nil: null }),
          employees: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
          tags: fc.subarray([...TAGS]),
          ownerId: fc.constantFrom('rep-1', 'rep-2'),
        }),
        { numRuns: 60, seed: 42 },
      );
      for (const [index, input] of sample.entries()) {
        await admin.companies.create({
          name: `Company ${String(index).padStart(2, '0')}`,
          ...input,
        });
      }
      const all = (await admin.companies.find({ limit: 1000 })).rows;
      await fc.assert(
        fc.asyncProperty(filter, async (where) => {
          const expected = all
            .filter((company) => matches(company, where))
            .map((company) => company.id)
            .sort();
          const saved = await admin.segments.save({
            name: 'prop',
            target: 'company',
            filter: where as never,
          });
          const count = await admin.segments.count(saved.id);
          const ids: string[] = [];
          let after: string | undefined;
          do {
            const page = await admin.segments.run(saved.id, {
              limit: 7,
              ...(after ? { after } : {}),
            });
            ids.push(...page.rows.map((row) => row.id));
            after = page.nextCursor ?? undefined;
          } while (after);
          const exported =
            (await collect(admin.segments.exportCsv(saved.id))).trimEnd().split('\r\n').length - 1;
          await admin.segments.delete(saved.id);
          expect(count).toBe(expected.length);
          expect(ids.sort()).toEqual(expected);
          expect(exported).toBe(count);
        }),
        { numRuns: 40, seed: 7 },
      );
    });
  });
}
