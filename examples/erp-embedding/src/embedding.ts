import { Money } from '@sellkit/core';
import {
  countRows,
  type ErpHost,
  type HeardEvent,
  HostAborted,
  type InvoicedCustomer,
  invoiceFirstOrder,
  openErpHost,
} from './erp-host.js';

/** What the example did, step by step. */
export interface EmbeddingReport {
  /** The first order: committed, with Sellkit's company and the host's invoice. */
  readonly committed: InvoicedCustomer;
  /** Rows after the commit. */
  readonly afterCommit: { invoices: number; companies: number };
  /** Events heard once the committed transaction returned. */
  readonly eventsAfterCommit: readonly HeardEvent[];
  /** The second order: the host threw after both writes; this is its message. */
  readonly rolledBack: string;
  /** Rows after the rollback: the same as after the commit. */
  readonly afterRollback: { invoices: number; companies: number };
  /** Events heard after the rollback: no new one. */
  readonly eventsAfterRollback: readonly HeardEvent[];
}

async function demonstrate(host: ErpHost): Promise<EmbeddingReport> {
  const committed = await invoiceFirstOrder(host, {
    customer: 'Cancity',
    invoiceNumber: '2026-0001',
    total: Money.of('12500.00', 'EUR'),
  });
  const afterCommit = await countRows(host);
  const eventsAfterCommit = [...host.heard];
  const refused = await invoiceFirstOrder(host, {
    customer: 'Isdom',
    invoiceNumber: '2026-0002',
    total: Money.of('4514.00', 'EUR'),
    failAfterWrites: true,
  }).catch((error: unknown) => error);
  if (!(refused instanceof HostAborted)) throw refused;
  return {
    committed,
    afterCommit,
    eventsAfterCommit,
    rolledBack: refused.message,
    afterRollback: await countRows(host),
    eventsAfterRollback: [...host.heard],
  };
}

/**
 * The ERP invoices two first orders, each creating a Sellkit company and an ERP invoice in one
 * host transaction: the first commits, the second throws after both writes and rolls back.
 */
export async function run(): Promise<EmbeddingReport> {
  const host = await openErpHost();
  try {
    return await demonstrate(host);
  } finally {
    await host.close();
  }
}
