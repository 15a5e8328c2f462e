import { createSellkit, type Money, type SellkitContext } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { type KyselyStorageAdapter, kysely } from '@sellkit/storage-kysely';
import { Kysely, SqliteDialect } from 'kysely';
import Database from 'libsql';

/** The host's own tables: Sellkit never defines nor touches them. */
export interface ErpDatabase {
  erp_invoices: {
    id: string;
    number: string;
    company_id: string;
    total: string;
    currency: string;
  };
}

/** Who the ERP acts as in Sellkit: its sync user, an admin of the tenant. */
export const ERP_CONTEXT: SellkitContext = {
  tenantId: 'acme',
  actor: { id: 'erp-sync', roles: ['admin'] },
};

/** A Sellkit event as the host heard it, with the state of the host's database at that moment. */
export interface HeardEvent {
  readonly event: 'customer.created';
  readonly company: string;
  /** Whether a transaction was still open on the host's connection when the event came. */
  readonly hostTransactionOpen: boolean;
  /** Whether the host's invoice for that company was already stored. */
  readonly invoiceStored: boolean;
}

function createCrm(storage: KyselyStorageAdapter) {
  return createSellkit({ storage, modules: [customers()] });
}

/** The ERP application: its database, Sellkit on that database, and what it heard. */
export interface ErpHost {
  readonly db: Kysely<ErpDatabase>;
  readonly storage: KyselyStorageAdapter;
  readonly crm: Awaited<ReturnType<typeof createCrm>>;
  /** Sellkit events in the order they were delivered. */
  readonly heard: HeardEvent[];
  close(): Promise<void>;
}

/**
 * Opens the ERP: its own SQLite database (in memory unless a file is given) with its own
 * `erp_invoices` table, and Sellkit's customers module on the same Kysely instance.
 */
export async function openErpHost(file = ':memory:'): Promise<ErpHost> {
  const database = new Database(file);
  const db = new Kysely<ErpDatabase>({ dialect: new SqliteDialect({ database }) });
  await db.schema
    .createTable('erp_invoices')
    .ifNotExists()
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('number', 'text', (column) => column.notNull().unique())
    .addColumn('company_id', 'text', (column) => column.notNull())
    .addColumn('total', 'text', (column) => column.notNull())
    .addColumn('currency', 'text', (column) => column.notNull())
    .execute();
  // Sellkit on the host's Kysely: close() leaves `db` open, it is the host's.
  const storage = kysely(db, { dialect: 'sqlite' });
  const crm = await createCrm(storage); // creates Sellkit's own tables beside the host's
  const heard: HeardEvent[] = [];
  crm.events.on('customer.created', (payload) => {
    if (payload.model !== 'company') return;
    // The binding answers synchronously on the host's one connection.
    const invoice = database
      .prepare('SELECT COUNT(*) AS n FROM erp_invoices WHERE company_id = ?')
      .get(payload.id) as { n: number } | undefined;
    heard.push({
      event: 'customer.created',
      company: payload.company.name,
      hostTransactionOpen: database.inTransaction,
      invoiceStored: (invoice?.n ?? 0) > 0,
    });
  });
  return {
    db,
    storage,
    crm,
    heard,
    async close() {
      await crm.close();
      await db.destroy();
    },
  };
}

/** An order the ERP invoices to a customer Sellkit does not know yet. */
export interface FirstOrder {
  readonly customer: string;
  readonly invoiceNumber: string;
  readonly total: Money;
  /** Makes the host fail after both writes, to show the rollback. */
  readonly failAfterWrites?: boolean;
}

/** What one committed first order wrote. */
export interface InvoicedCustomer {
  readonly companyId: string;
  readonly invoiceId: string;
}

/** Thrown by the host when it changes its mind inside the transaction. */
export class HostAborted extends Error {
  override readonly name = 'HostAborted';
}

/**
 * Creates the customer in Sellkit and the invoice in the ERP's own table in ONE transaction of
 * the host's database (`hostTransaction`): both commit, or neither does. Sellkit's
 * `customer.created` is delivered after the commit, and not at all after a rollback.
 */
export function invoiceFirstOrder(host: ErpHost, order: FirstOrder): Promise<InvoicedCustomer> {
  return host.storage.hostTransaction(host.db, async (trx) => {
    // The facade joins the host's transaction: no transaction handle to pass around.
    const company = await host.crm.as(ERP_CONTEXT).customers.companies.create({
      name: order.customer,
      lifecycleStage: 'customer',
      externalId: `erp-${order.invoiceNumber}`,
    });
    const invoiceId = `inv-${order.invoiceNumber}`;
    await trx
      .insertInto('erp_invoices')
      .values({
        id: invoiceId,
        number: order.invoiceNumber,
        company_id: company.id,
        total: order.total.toString(),
        currency: order.total.currency,
      })
      .execute();
    if (order.failAfterWrites) {
      throw new HostAborted(`invoice ${order.invoiceNumber} refused after both writes`);
    }
    return { companyId: company.id, invoiceId };
  });
}

/** Rows in the host's invoice table and companies in Sellkit, for the tenant. */
export async function countRows(host: ErpHost): Promise<{ invoices: number; companies: number }> {
  const row = await host.db
    .selectFrom('erp_invoices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return {
    invoices: Number(row?.n ?? 0),
    companies: await host.crm.as(ERP_CONTEXT).customers.companies.count(),
  };
}
