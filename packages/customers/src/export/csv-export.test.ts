import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { memory } from '@sellkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectError, setup } from '../test-support/harness.js';
import { pipeLines } from './csv-export.js';

const dir = mkdtempSync(join(tmpdir(), 'sellkit-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2,500 companies: more than one storage page and more than a file stream's buffer. */
async function world() {
  const context = await setup(() => memory());
  await context.as({ id: 'admin-1', roles: ['admin'] }).transaction(async (scope) => {
    const records = scope.records(context.crm.models.company);
    for (let index = 0; index < 2_500; index += 1) {
      await records.create({ name: `Company ${String(index).padStart(4, '0')} ${'x'.repeat(40)}` });
    }
  });
  const segment = await context.admin.segments.save({
    name: 'All',
    target: 'company',
    filter: {},
    columns: ['name'],
  });
  return { ...context, segment };
}

describe('CSV export to a writable stream', () => {
  it('segments.exportCsv: after await the file holds every row and the stream is closed', async () => {
    const { admin, segment } = await world();
    const file = join(dir, 'segment.csv');
    const stream = createWriteStream(file);
    expect(await admin.segments.exportCsv(segment.id, stream)).toEqual({ rows: 2_500 });
    expect(stream.writableFinished).toBe(true);
    expect(stream.closed).toBe(true);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2_501);
    expect(lines[0]).toBe('name');
    expect(lines.at(-1)).toContain('Company 2499');
  });

  it('customers.exportCsv: after await the file holds every row and the stream is closed', async () => {
    const { admin } = await world();
    const file = join(dir, 'companies.csv');
    const stream = createWriteStream(file);
    expect(await admin.exportCsv('company', { columns: ['name'] }, stream)).toEqual({
      rows: 2_500,
    });
    expect(stream.closed).toBe(true);
    expect(readFileSync(file, 'utf8').trimEnd().split('\r\n')).toHaveLength(2_501);
  });

  it('{ end: false } leaves the stream open for more', async () => {
    const { admin, segment } = await world();
    const file = join(dir, 'open.csv');
    const stream = createWriteStream(file);
    await admin.segments.exportCsv(segment.id, stream, { end: false });
    await admin.exportCsv('company', { columns: ['name'], end: false }, stream);
    expect(stream.writableEnded).toBe(false);
    await new Promise<void>((resolve) => stream.end('done\r\n', resolve));
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2 * 2_501 + 1);
    expect(lines.at(-1)).toBe('done');
  });

  it('waits for a slow destination (back-pressure) and rejects on its error', async () => {
    const chunks: string[] = [];
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, done) {
        setTimeout(() => {
          chunks.push(chunk.toString());
          done();
        }, 1);
      },
    });
    async function* lines() {
      yield* ['a\r\n', 'b\r\n', 'c\r\n'];
    }
    expect(await pipeLines(lines(), slow)).toEqual({ rows: 2 });
    expect(chunks.join('')).toBe('a\r\nb\r\nc\r\n');
    expect(slow.writableFinished).toBe(true);

    const failing = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('disk full'));
      },
    });
    await expect(pipeLines(lines(), failing)).rejects.toThrow('disk full');
  });

  it('an unknown segment rejects and writes nothing', async () => {
    const { admin } = await world();
    const file = join(dir, 'missing.csv');
    await expectError(
      admin.segments.exportCsv('seg_missing', createWriteStream(file)),
      'NOT_FOUND',
    );
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
