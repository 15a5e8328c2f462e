import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPostgres } from './inspect-postgres.js';
import { inspectSqliteFile } from './inspect-sqlite.js';
import { maskUrl, parseDatabaseTarget } from './target.js';

const dir = mkdtempSync(join(tmpdir(), 'sellkit-inspect-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseDatabaseTarget', () => {
  it('resolves files against the user directory and recognises postgres URLs', () => {
    expect(parseDatabaseTarget('crm.db', '/home/me')).toEqual({
      kind: 'sqlite',
      file: '/home/me/crm.db',
      display: 'crm.db',
    });
    expect(parseDatabaseTarget('/tmp/a.db', '/home/me')).toMatchObject({ file: '/tmp/a.db' });
    expect(parseDatabaseTarget('postgresql://u:secret@h:5/db', '/', { schema: 's1' })).toEqual({
      kind: 'postgres',
      url: 'postgresql://u:secret@h:5/db',
      display: 'postgresql://u:***@h:5/db',
      schema: 's1',
    });
  });

  it('refuses what it cannot use as a usage error', () => {
    expect(() => parseDatabaseTarget(undefined, '/')).toThrow(/--db .* is required/);
    expect(() => parseDatabaseTarget('mysql://x/y', '/')).toThrow(/unsupported database URL/);
    expect(() => parseDatabaseTarget('postgres://h/db', '/', { schema: 'x;drop' })).toThrow(
      /--schema/,
    );
    expect(() => parseDatabaseTarget('a.db', '/', { schema: 's' })).toThrow(
      /only applies to PostgreSQL/,
    );
  });

  it('masks passwords', () => {
    expect(maskUrl('postgres://me:pw@localhost/x')).toBe('postgres://me:***@localhost/x');
    expect(maskUrl('postgres://localhost/x')).toBe('postgres://localhost/x');
  });
});

describe('inspectSqliteFile', () => {
  it('tells missing, empty and Sellkit databases apart', async () => {
    expect(await inspectSqliteFile(join(dir, 'missing.db'))).toBe('missing');
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    expect(await inspectSqliteFile(empty)).toBe('empty');
    const bare = join(dir, 'bare.db');
    new Database(bare).close();
    expect(await inspectSqliteFile(bare)).toBe('empty');
    const sellkit = join(dir, 'sellkit.db');
    const db = new Database(sellkit);
    db.exec('CREATE TABLE sk_migrations (id TEXT)');
    db.close();
    expect(await inspectSqliteFile(sellkit)).toBe('sellkit');
  });

  it('refuses files that are not Sellkit databases and leaves them byte for byte', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello, this is not a database\n');
    await expect(inspectSqliteFile(text)).rejects.toThrow(
      /is not a Sellkit database \(not an SQLite file\)/,
    );
    expect(readFileSync(text, 'utf8')).toBe('hello, this is not a database\n');

    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1)');
    db.close();
    const before = readFileSync(other);
    await expect(inspectSqliteFile(other)).rejects.toThrow(
      /other tables \(invoices\) and no sk_migrations/,
    );
    expect(readFileSync(other).equals(before)).toBe(true);

    const corrupt = join(dir, 'corrupt.db');
    writeFileSync(
      corrupt,
      Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(100, 7)]),
    );
    await expect(inspectSqliteFile(corrupt)).rejects.toThrow(
      /not a Sellkit database \(SQLite cannot open it/,
    );

    await expect(inspectSqliteFile(dir)).rejects.toThrow(/it is a directory/);
    await expect(inspectSqliteFile(join(dir, 'no-such-dir', 'x.db'))).rejects.toThrow(
      /directory .* does not exist/,
    );
  });
});

describe('inspectPostgres', () => {
  it('reports a server that does not answer as one sentence', async () => {
    // Port 1 on the loopback address: nothing listens there.
    await expect(
      inspectPostgres(
        'postgres://sellkit:pw@127.0.0.1:1/db',
        'postgres://sellkit:***@127.0.0.1:1/db',
      ),
    ).rejects.toThrow(
      'cannot connect to postgres://sellkit:***@127.0.0.1:1/db: connection refused',
    );
  });
});
