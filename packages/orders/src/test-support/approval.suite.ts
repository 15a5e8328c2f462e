import type { RuleSet } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { type AdapterFactory, expectCode, setup } from './harness.js';

/** A discount over 20 % needs the rep's manager; an order over 500,000 CNY a director. */
export const APPROVAL_RULES: RuleSet = {
  id: 'order-approval',
  version: 1,
  rules: [
    {
      id: 'big-discount',
      description: 'a discount over 20 %',
      condition: { fact: 'order.discountPercent', operator: 'gt', value: 20 },
      outcome: { tag: 'manager' },
    },
    {
      id: 'large-order',
      description: 'an order over 500,000 CNY',
      condition: {
        fact: 'order.gross',
        operator: 'gt',
        value: { amount: '500000', currency: 'CNY' },
      },
      outcome: { tag: 'director' },
    },
  ],
  bands: [],
};

async function withOrg(factory: AdapterFactory) {
  const h = await setup(factory, {
    orders: {
      approval: {
        ruleSet: APPROVAL_RULES,
        levels: [
          { level: 'manager', up: 1 },
          { level: 'director', seniority: ['lead'] },
        ],
      },
    },
  });
  const director = await h.admin.team.reps.create({
    userId: 'dir-1',
    name: 'Dana Director',
    seniority: 'lead',
  });
  const manager = await h.admin.team.reps.create({
    userId: 'mgr-1',
    name: 'Max Manager',
    seniority: 'senior',
    reportsToId: director.id,
  });
  await h.admin.team.reps.create({ userId: 'rep-1', name: 'Ria Rep', reportsToId: manager.id });
  // The rep may read the directory (viewer), so the reports-to walk runs as them.
  const rep = h.as({ id: 'rep-1', roles: ['sales-rep', 'viewer'] });
  return {
    ...h,
    rep,
    mgr: h.as({ id: 'mgr-1', roles: ['sales-rep'] }),
    dir: h.as({ id: 'dir-1', roles: ['sales-rep'] }),
  };
}

/** Approval: rules on submit, approver from the reports-to tree, decisions with comments. */
export function approvalSuite(name: string, factory: AdapterFactory): void {
  describe(`approval (${name})`, () => {
    it('confirms at once when no rule fires', async () => {
      const h = await withOrg(factory);
      const { order } = await h.rep.orders.salesOrders.create({
        lines: [{ productId: h.products.pump.id, quantity: '1' }],
      });
      const submitted = await h.rep.orders.salesOrders.submit(order.id);
      expect(submitted.status).toBe('confirmed');
      expect(submitted.approvalStatus).toBe('not-required');
    });

    it('sends a big discount to the manager, explains why, and records the decision', async () => {
      const h = await withOrg(factory);
      const sales = h.rep.orders.salesOrders;
      const { order } = await sales.create({
        lines: [{ productId: h.products.pump.id, quantity: '1', discount: { percent: '25' } }],
      });
      await expectCode(sales.confirm(order.id), 'INVALID_TRANSITION');
      expect((await sales.get(order.id)).status).toBe('draft');
      const pending = await sales.submit(order.id);
      expect(pending.status).toBe('pending-approval');
      expect(pending.approvalLevel).toBe('manager');
      expect(pending.approverId).toBe('mgr-1');
      expect(pending.approvalExplanation?.rules.map((rule) => rule.description)).toEqual([
        'a discount over 20 %',
      ]);
      await expectCode(sales.approve(order.id), 'FORBIDDEN');
      await expectCode(h.dir.orders.salesOrders.approve(order.id), 'FORBIDDEN');
      await expectCode(
        h.mgr.orders.salesOrders.reject(order.id, { comment: ' ' }),
        'VALIDATION_FAILED',
        'comment',
      );
      const back = await h.mgr.orders.salesOrders.reject(order.id, {
        comment: 'keep it under 20 %',
      });
      expect(back.status).toBe('draft');
      expect(back.approvalStatus).toBe('rejected');
      await sales.update(order.id, {
        lines: [{ productId: h.products.pump.id, quantity: '1', discount: { percent: '22' } }],
      });
      await sales.submit(order.id);
      const confirmed = await h.mgr.orders.salesOrders.approve(order.id, {
        comment: 'ok this once',
      });
      expect(confirmed.status).toBe('confirmed');
      expect(confirmed.approvalStatus).toBe('approved');
      const steps = await sales.approvals(order.id);
      expect(steps.map((step) => [step.decision, step.actorId, step.comment])).toEqual([
        ['requested', 'rep-1', expect.stringContaining('mgr-1')],
        ['rejected', 'mgr-1', 'keep it under 20 %'],
        ['requested', 'rep-1', expect.stringContaining('mgr-1')],
        ['approved', 'mgr-1', 'ok this once'],
      ]);
      const audit = await h.admin.audit.history('salesOrder', order.id);
      expect(
        audit.filter((entry) => entry.action === 'reject' || entry.action === 'approve'),
      ).toEqual([
        expect.objectContaining({ action: 'reject', actorId: 'mgr-1' }),
        expect.objectContaining({ action: 'approve', actorId: 'mgr-1' }),
      ]);
    });

    it('sends a large order to the first lead above the rep', async () => {
      const h = await withOrg(factory);
      const { order } = await h.rep.orders.salesOrders.create({
        lines: [{ productId: h.products.pump.id, quantity: '500' }],
      });
      const pending = await h.rep.orders.salesOrders.submit(order.id);
      expect(pending.approvalLevel).toBe('director');
      expect(pending.approverId).toBe('dir-1');
      const confirmed = await h.dir.orders.salesOrders.approve(order.id);
      expect(confirmed.status).toBe('confirmed');
    });

    it('names the manager even when the rep may not read the tree; the rep cannot approve', async () => {
      const h = await withOrg(factory);
      const { order } = await h.rep1.orders.salesOrders.create({
        lines: [{ productId: h.products.pump.id, quantity: '1', discount: { percent: '30' } }],
      });
      const pending = await h.rep1.orders.salesOrders.submit(order.id);
      expect(pending.approverId).toBe('mgr-1');
      expect(pending.approvalExplanation?.approver).toMatch(/mgr-1, 1 level\(s\) above/);
      await expectCode(h.rep1.orders.salesOrders.approve(order.id), 'FORBIDDEN');
      expect((await h.admin.orders.salesOrders.approve(order.id)).status).toBe('confirmed');
    });
  });
}
