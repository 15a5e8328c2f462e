import { Money } from '@sellkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './embedding.js';
import {
  countRows,
  ERP_CONTEXT,
  type ErpHost,
  HostAborted,
  invoiceFirstOrder,
  openErpHost,
} from './erp-host.js';

describe('erp-embedding example', () => {
  it('runs: one commit with its event, one rollback without', async () => {
    const report = await run();
    expect(report.committed.companyId).toMatch(/^[a-z]+_/);
    expect(report.committed.invoiceId).toBe('inv-2026-0001');
    expect(report.afterCommit).toEqual({ invoices: 1, companies: 1 });
    expect(report.eventsAfterCommit).toEqual([
      {
        event: 'customer.created',
        company: 'Cancity',
        hostTransactionOpen: false,
        invoiceStored: true,
      },
    ]);
    expect(report.rolledBack).toBe('invoice 2026-0002 refused after both writes');
    expect(report.afterRollback).toEqual({ invoices: 1, companies: 1 });
    expect(report.eventsAfterRollback).toEqual(report.eventsAfterCommit);
  });

  describe('on a host of its own', () => {
    let host: ErpHost;
    afterEach(async () => {
      await host.close();
    });

    it('commits the host row and the Sellkit record together, then delivers the event', async () => {
      host = await openErpHost();
      const written = await invoiceFirstOrder(host, {
        customer: 'Betasoloin',
        invoiceNumber: 'A-1',
        total: Money.of('99.90', 'EUR'),
      });
      expect(host.heard.map((heard) => heard.hostTransactionOpen)).toEqual([false]);
      const company = await host.crm.as(ERP_CONTEXT).customers.companies.get(written.companyId);
      expect(company).toMatchObject({ name: 'Betasoloin', externalId: 'erp-A-1' });
      const invoice = await host.db
        .selectFrom('erp_invoices')
        .selectAll()
        .where('id', '=', written.invoiceId)
        .executeTakeFirst();
      expect(invoice).toEqual({
        id: 'inv-A-1',
        number: 'A-1',
        company_id: written.companyId,
        total: '99.90',
        currency: 'EUR',
      });
    });

    it('rolls both back when the host throws, and emits nothing', async () => {
      host = await openErpHost();
      const error = await invoiceFirstOrder(host, {
        customer: 'Betasoloin',
        invoiceNumber: 'A-2',
        total: Money.of('10.00', 'EUR'),
        failAfterWrites: true,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HostAborted);
      expect(await countRows(host)).toEqual({ invoices: 0, companies: 0 });
      expect(host.heard).toEqual([]);
    });

    it('rolls both back when Sellkit refuses its part, leaving the host row out too', async () => {
      host = await openErpHost();
      const error = await invoiceFirstOrder(host, {
        customer: '',
        invoiceNumber: 'A-3',
        total: Money.of('10.00', 'EUR'),
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await countRows(host)).toEqual({ invoices: 0, companies: 0 });
      expect(host.heard).toEqual([]);
    });
  });
});
