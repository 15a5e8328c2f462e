import { PGlite } from '@electric-sql/pglite';
import { createSellkit, defineModule, isSellkitError } from '@sellkit/core';
import { defineModel, field, type ModuleScope } from '@sellkit/core/module';
import Database from 'better-sqlite3';
import { type Dialect, Kysely, PGliteDialect, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomTenant } from '../test-support/models.js';
import { describePostgres, dropSchema, postgresUrl, testSchema } from '../testing/index.js';
import { type KyselyStorageAdapter, kysely } from './adapters.js';

interface HostDb {
  erp_order: { id: string; note: string };
}

const invoice = defineModel({
  name: 'hostInvoice',
  idPrefix: 'hinv',
  fields: { number: field.integer({ required: true, unique: true }), note: field.text() },
});

class Abort extends Error {}

const hostNote = defineModel({
  name: 'hostNote',
  idPrefix: 'hnot',
  fields: { text: field.text({ required: true }) },
});

interface NoteEvents {
  'note.added': { text: string };
}

/** A module whose writes emit an event, to see when events are delivered. */
const notes = () =>
  defineModule({
    id: 'notes',
    models: { hostNote },
    events: {} as NoteEvents,
    services: (scope: ModuleScope<NoteEvents>) => ({
      add: (text: string) =>
        scope.transaction(async (tx) => {
          await tx.records(hostNote).create({ text });
          await tx.emit('note.added', { text });
        }),
    }),
  });

interface HostTarget {
  readonly name: string;
  readonly dialect: 'sqlite' | 'postgres';
  readonly schema?: string;
  make(): Dialect;
  cleanup?(): Promise<void>;
}

function hostSuite(target: HostTarget): void {
  describe(`a host's own Kysely on ${target.name}`, () => {
    let db: Kysely<HostDb>;
    let storage: KyselyStorageAdapter;
    const orders = (table: string) =>
      target.schema ? sql.id(target.schema, table) : sql.id(table);
    beforeAll(async () => {
      db = new Kysely<HostDb>({ dialect: target.make() });
      if (target.schema)
        await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(target.schema)}`.execute(db);
      await sql`CREATE TABLE ${orders('erp_order')} (id TEXT PRIMARY KEY, note TEXT NOT NULL)`.execute(
        db,
      );
      storage = kysely(db, {
        dialect: target.dialect,
        ...(target.schema ? { schema: target.schema } : {}),
      });
      await storage.setup([invoice]);
    });
    afterAll(async () => {
      await storage.close();
      await db.destroy();
      await target.cleanup?.();
    });

    const countOrders = async () =>
      Number(
        (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${orders('erp_order')}`.execute(db))
          .rows[0]?.n,
      );

    it('works on the host instance and leaves it open on close', async () => {
      const scoped = storage.forTenant(randomTenant());
      const [created] = await scoped.insert(invoice, [{ number: 1 }]);
      expect(await scoped.get(invoice, created?.id ?? '')).toMatchObject({ number: 1 });
      expect(await countOrders()).toBeGreaterThanOrEqual(0);
    });

    it('commits Sellkit writes with the host transaction', async () => {
      const tenant = randomTenant();
      const before = await countOrders();
      await db.transaction().execute((trx) =>
        storage.withTransaction(trx, async () => {
          await sql`INSERT INTO ${orders('erp_order')} (id, note) VALUES (${`o-${tenant}`}, 'host')`.execute(
            trx,
          );
          const scoped = storage.forTenant(tenant);
          expect(scoped.inTransaction).toBe(true);
          await scoped.insert(invoice, [{ number: 10 }]);
          // A Sellkit transaction inside is a savepoint of the host's transaction.
          await scoped.transaction((tx) => tx.insert(invoice, [{ number: 11 }]));
        }),
      );
      expect(await countOrders()).toBe(before + 1);
      expect(await storage.forTenant(tenant).count(invoice)).toBe(2);
    });

    it('rolls Sellkit writes back with the host transaction', async () => {
      const tenant = randomTenant();
      const before = await countOrders();
      const error = await db
        .transaction()
        .execute((trx) =>
          storage.withTransaction(trx, async () => {
            await sql`INSERT INTO ${orders('erp_order')} (id, note) VALUES (${`o-${tenant}`}, 'host')`.execute(
              trx,
            );
            await storage.forTenant(tenant).insert(invoice, [{ number: 20 }]);
            throw new Abort('host changed its mind');
          }),
        )
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Abort);
      expect(await countOrders()).toBe(before);
      expect(await storage.forTenant(tenant).count(invoice)).toBe(0);
    });

    it('rolls back only the Sellkit savepoint when Sellkit’s own transaction fails', async () => {
      const tenant = randomTenant();
      const before = await countOrders();
      await db.transaction().execute((trx) =>
        storage.withTransaction(trx, async () => {
          const scoped = storage.forTenant(tenant);
          await scoped.insert(invoice, [{ number: 30 }]);
          const conflict = await scoped
            .transaction(async (tx) => {
              await tx.insert(invoice, [{ number: 31 }]);
              await tx.insert(invoice, [{ number: 30 }]);
            })
            .catch((caught: unknown) => caught);
          expect(isSellkitError(conflict, 'CONFLICT')).toBe(true);
          await sql`INSERT INTO ${orders('erp_order')} (id, note) VALUES (${`o-${tenant}`}, 'host')`.execute(
            trx,
          );
        }),
      );
      expect(await countOrders()).toBe(before + 1);
      const numbers = (await storage.forTenant(tenant).find(invoice)).rows.map((row) => row.number);
      expect(numbers).toEqual([30]);
    });

    it('hostTransaction delivers events only after the host commits, and none on rollback', async () => {
      const crm = await createSellkit({ storage, modules: [notes()] });
      const heard: string[] = [];
      crm.events.on('note.added', ({ text }) => {
        heard.push(text);
      });
      const tenant = randomTenant();
      const scoped = crm.as({ tenantId: tenant, actor: { id: 'u1', roles: ['admin'] } });
      const before = await countOrders();
      await storage.hostTransaction(db, async (trx) => {
        await sql`INSERT INTO ${orders('erp_order')} (id, note) VALUES (${`o-${tenant}`}, 'host')`.execute(
          trx,
        );
        await scoped.notes.add('kept');
        expect(heard).toEqual([]);
      });
      expect(heard).toEqual(['kept']);
      const error = await storage
        .hostTransaction(db, async () => {
          await scoped.notes.add('dropped');
          throw new Abort('host changed its mind');
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Abort);
      expect(heard).toEqual(['kept']);
      expect(await countOrders()).toBe(before + 1);
      expect(await scoped.records.hostNote.count()).toBe(1);
    });

    it('withTransaction runs commit callbacks when the work ends, none when it throws', async () => {
      const tenant = randomTenant();
      const seen: string[] = [];
      await db.transaction().execute(async (trx) => {
        await storage.withTransaction(trx, async () => {
          await storage.forTenant(tenant).transaction(async (tx) => {
            tx.afterCommit(() => seen.push('kept'));
          });
          expect(seen).toEqual([]);
        });
        expect(seen).toEqual(['kept']);
        await storage
          .withTransaction(trx, async () => {
            storage.forTenant(tenant).afterCommit(() => seen.push('dropped'));
            throw new Abort('no');
          })
          .catch(() => undefined);
      });
      expect(seen).toEqual(['kept']);
    });

    it('refuses hostTransaction without a Kysely instance', async () => {
      const error = await storage
        .hostTransaction({} as never, async () => undefined)
        .catch((caught: unknown) => caught);
      expect(isSellkitError(error, 'CONFIGURATION_INVALID')).toBe(true);
    });

    it('refuses withTransaction on something that is not a transaction', async () => {
      const error = await storage
        .withTransaction(db, async () => undefined)
        .catch((caught: unknown) => caught);
      expect(isSellkitError(error, 'CONFIGURATION_INVALID')).toBe(true);
    });

    it('binds an adapter to a transaction with kysely(trx)', async () => {
      const tenant = randomTenant();
      await db.transaction().execute(async (trx) => {
        const bound = kysely(trx, {
          dialect: target.dialect,
          ...(target.schema ? { schema: target.schema } : {}),
        });
        expect((await bound.setup([invoice])).statements).toEqual([]);
        await bound.forTenant(tenant).insert(invoice, [{ number: 40 }]);
        expect(
          await storage.withTransaction(trx, () => storage.forTenant(tenant).count(invoice)),
        ).toBe(1);
      });
      expect(await storage.forTenant(tenant).count(invoice)).toBe(1);
    });
  });
}

hostSuite({
  name: 'sqlite',
  dialect: 'sqlite',
  make: () => new SqliteDialect({ database: new Database(':memory:') }),
});

hostSuite({
  name: 'pglite',
  dialect: 'postgres',
  make: () => new PGliteDialect({ pglite: new PGlite() as never }),
});

if (postgresUrl) {
  const url = postgresUrl;
  const schema = testSchema();
  hostSuite({
    name: 'postgres',
    dialect: 'postgres',
    schema,
    make: () => new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) }),
    cleanup: () => dropSchema(url, schema),
  });
} else {
  describePostgres("a host's own Kysely on postgres", () => undefined);
}
