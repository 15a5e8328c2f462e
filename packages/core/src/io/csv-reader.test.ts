import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvLine, readCsv } from './csv-reader.js';

async function collect(source: string | Readable, options = {}) {
  const rows = [];
  for await (const row of readCsv(source, options)) rows.push(row);
  return rows;
}

describe('readCsv', () => {
  it('streams rows with line numbers, quoted cells and a BOM', async () => {
    const rows = await collect(
      Readable.from(['\ufeffname,city\n', 'Acme,"Paris, FR"\n', '\n', '"Multi\nline",Oslo\n']),
    );
    expect(rows).toEqual([
      { line: 2, values: { name: 'Acme', city: 'Paris, FR' } },
      { line: 5, values: { name: 'Multi\nline', city: 'Oslo' } },
    ]);
  });

  it('reads the Maven CRM accounts file and reports progress', async () => {
    const progress: number[] = [];
    const rows = await collect(
      new URL('../../../../examples/data/maven-crm/accounts.csv', import.meta.url).pathname,
      {
        requiredColumns: ['account', 'sector'],
        progressEvery: 50,
        onProgress: (p: { rows: number }) => progress.push(p.rows),
      },
    );
    expect(rows).toHaveLength(85);
    expect(progress).toEqual([50, 85]);
  });

  it('refuses a wrong header, a missing file and malformed rows', async () => {
    await expect(
      collect(Readable.from(['a,b\n1,2\n']), { requiredColumns: ['account'] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(collect('/nonexistent/file.csv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(collect(Readable.from(['a,b\n1,2,3\n']))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(collect(join(dir, 'empty.csv'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('writes cells safely', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', '=SUM(A1)', '-12.5', null])).toBe(
      'a,"b,c","say ""hi""",\'=SUM(A1),-12.5,\r\n',
    );
  });
});
