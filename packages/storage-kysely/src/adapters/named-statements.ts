import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** Distinct statement texts that get a server-side prepared statement, per pool. */
const NAMED_LIMIT = 256;
/** Texts seen once are remembered up to this many; then the tally starts over. */
const SEEN_LIMIT = 10_000;

const DML = /^(select|insert|update|delete|with)\b/i;

/** Pools wrapped so far: statement names carry it, so two wrappers never share a name. */
let wrappedPools = 0;

/** What the wrapper uses of a pg client (pg's own client also takes a query config object). */
interface PgClient {
  query(...args: unknown[]): unknown;
  release(destroy?: boolean): void;
  on?(event: 'error', listener: (error: unknown) => void): unknown;
}

/**
 * Wraps a pg pool for the driver:
 * - a checked-out client that loses its connection emits `error`; pg leaves handling it to the
 *   borrower, and without a listener Node would crash the host. The failed query reports it.
 * - with `named`, statements the driver runs again and again (get by id, insert of n rows,
 *   update of a set of columns...) become named prepared statements, parsed and planned once
 *   per connection. A text is named on its second use, so one-off queries never take a slot.
 */
export function wrapPool(pool: PostgresPool, options: { named: boolean }): PostgresPool {
  wrappedPools += 1;
  const prefix = `sellkit_${wrappedPools}_`;
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const wrappers = new WeakMap<object, PostgresPoolClient>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || !options.named || names.size >= NAMED_LIMIT || !DML.test(text)) {
      return known;
    }
    if (!seen.has(text)) {
      if (seen.size >= SEEN_LIMIT) seen.clear();
      seen.add(text);
      return undefined;
    }
    const name = `${prefix}${names.size}`;
    names.set(text, name);
    return name;
  };
  const wrap = (client: PgClient): PostgresPoolClient => {
    function query<R>(
      sql: string,
      parameters: ReadonlyArray<unknown>,
    ): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(
      statement: string | PostgresCursor<R>,
      parameters?: ReadonlyArray<unknown>,
    ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      if (typeof statement !== 'string') return client.query(statement) as PostgresCursor<R>;
      const name = nameOf(statement);
      const values = parameters === undefined ? [] : [...parameters];
      const result =
        name === undefined
          ? client.query(statement, values)
          : client.query({ name, text: statement, values });
      return result as Promise<PostgresQueryResult<R>>;
    }
    client.on?.('error', () => undefined);
    return { query, release: (destroy?: boolean) => client.release(destroy) };
  };
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      let wrapped = wrappers.get(client);
      if (!wrapped) {
        wrapped = wrap(client as unknown as PgClient);
        wrappers.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
