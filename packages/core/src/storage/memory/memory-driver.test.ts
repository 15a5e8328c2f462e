import { describe, expect, it } from 'vitest';
import { defineModel } from '../../model/define-model.js';
import { field } from '../../model/fields.js';
import type { FlatRow } from '../driver.js';
import { tableLayout } from '../layout.js';
import { memoryDriver } from './memory-driver.js';

const v1 = defineModel({
  name: 'thing',
  idPrefix: 'thg',
  fields: { name: field.text({ required: true }) },
});
const v2 = defineModel({
  name: 'thing',
  idPrefix: 'thg',
  fields: { name: field.text({ required: true }), size: field.integer() },
});
const changedType = defineModel({
  name: 'thing',
  idPrefix: 'thg',
  fields: { name: field.integer({ required: true }) },
});

function row(id: string, name: string): FlatRow {
  const now = new Date('2026-01-01T00:00:00Z');
  return { id, version: 1, created_at: now, updated_at: now, name };
}

describe('memory driver', () => {
  it('setup is idempotent, adds columns, reports statements and honours dryRun', async () => {
    const driver = memoryDriver();
    expect((await driver.setup([tableLayout(v1)], { dryRun: true })).statements[0]).toMatch(
      /create table sk_thing/,
    );
    await expect(driver.get('t', tableLayout(v1), 'thg_1')).rejects.toMatchObject({
      code: 'STORAGE_FAILURE',
    });
    await driver.setup([tableLayout(v1)]);
    expect((await driver.setup([tableLayout(v1)])).statements).toEqual([]);
    await driver.insert('t', tableLayout(v1), [row('thg_1', 'a')]);
    expect((await driver.setup([tableLayout(v2)])).statements).toEqual([
      'alter table sk_thing add column size',
    ]);
    expect(await driver.get('t', tableLayout(v2), 'thg_1')).toMatchObject({
      name: 'a',
      size: null,
    });
  });

  it('refuses destructive changes and applies nothing', async () => {
    const driver = memoryDriver();
    await driver.setup([tableLayout(v2)]);
    await expect(driver.setup([tableLayout(v1)])).rejects.toMatchObject({
      code: 'CONFIGURATION_INVALID',
    });
    await expect(driver.setup([tableLayout(changedType)])).rejects.toMatchObject({
      code: 'CONFIGURATION_INVALID',
    });
  });

  it('writes outside a transaction wait until the open transaction ends', async () => {
    const driver = memoryDriver();
    const layout = tableLayout(v1);
    await driver.setup([layout]);
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transaction = driver.transaction(async (tx) => {
      await tx.insert('t', layout, [row('thg_1', 'in tx')]);
      started();
      await held;
      events.push('commit');
    });
    await inside;
    const write = driver
      .insert('t', layout, [row('thg_2', 'outside')])
      .then(() => events.push('outside write'));
    expect(await driver.get('t', layout, 'thg_1')).toBeNull();
    release();
    await Promise.all([transaction, write]);
    expect(events).toEqual(['commit', 'outside write']);
    expect(await driver.count('t', layout, { type: 'const', value: true })).toBe(2);
  });

  it('unique and primary keys hold across overlays (delete then re-insert in one transaction)', async () => {
    const unique = defineModel({
      name: 'uniq',
      idPrefix: 'unq',
      fields: { code: field.text({ unique: true }) },
    });
    const layout = tableLayout(unique);
    const driver = memoryDriver();
    await driver.setup([layout]);
    const base = { version: 1, created_at: new Date(0), updated_at: new Date(0) };
    await driver.insert('t', layout, [{ ...base, id: 'unq_1', code: 'A' }]);
    await driver.transaction(async (tx) => {
      expect(await tx.delete('t', layout, 'unq_1', 1)).toBe(true);
      await tx.insert('t', layout, [{ ...base, id: 'unq_2', code: 'A' }]);
      await tx.transaction(async (inner) => {
        await expect(
          inner.insert('t', layout, [{ ...base, id: 'unq_3', code: 'A' }]),
        ).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(
          await inner.update('t', layout, 'unq_2', 1, { code: 'B', version: 2 }),
        ).toMatchObject({ code: 'B' });
        await inner.insert('t', layout, [{ ...base, id: 'unq_3', code: 'A' }]);
      });
      await expect(
        tx.insert('t', layout, [{ ...base, id: 'unq_4', code: 'B' }]),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
    });
    await expect(
      driver.insert('t', layout, [{ ...base, id: 'unq_5', code: 'A' }]),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await driver.insert('t', layout, [
      { ...base, id: 'unq_6', code: 'C' },
      { ...base, id: 'unq_7', code: null },
      { ...base, id: 'unq_8', code: null },
    ]);
    expect(await driver.count('t', layout, { type: 'const', value: true })).toBe(5);
  });

  it('scans and sorts 100,000 rows', async () => {
    const layout = tableLayout(v2);
    const driver = memoryDriver();
    await driver.setup([layout]);
    const rows = Array.from({ length: 100_000 }, (_, index) => ({
      ...row(`thg_${String(index).padStart(6, '0')}`, `n${index % 997}`),
      size: index % 13 === 0 ? null : index % 101,
    }));
    await driver.insert('t', layout, rows);
    const page = await driver.find('t', layout, {
      where: { type: 'leaf', column: 'size', columnType: 'integer', op: 'gte', value: 50 },
      orderBy: [
        { column: 'name', direction: 'desc' },
        { column: 'size', direction: 'asc' },
        { column: 'id', direction: 'asc' },
      ],
      limit: 5,
    });
    expect(page.map((item) => item.name)).toEqual(['n996', 'n996', 'n996', 'n996', 'n996']);
    expect(page.map((item) => item.size)).toEqual(
      [...page.map((item) => item.size)].sort((a, b) => Number(a) - Number(b)),
    );
  });

  it('refuses use after close', async () => {
    const driver = memoryDriver();
    await driver.close();
    await expect(driver.nextSequenceValue('t', 'x')).rejects.toMatchObject({
      code: 'STORAGE_FAILURE',
    });
  });
});

describe('memory driver deadlock guard', () => {
  it('refuses a root write from inside the open transaction instead of hanging', async () => {
    const driver = memoryDriver();
    const layout = tableLayout(v1);
    await driver.setup([layout]);
    await driver.transaction(async (tx) => {
      await tx.insert('t', layout, [row('thg_1', 'inside')]);
      await expect(driver.insert('t', layout, [row('thg_2', 'outside')])).rejects.toMatchObject({
        code: 'STORAGE_FAILURE',
      });
      await expect(driver.transaction(async () => 1)).rejects.toMatchObject({
        code: 'STORAGE_FAILURE',
      });
      expect(await driver.get('t', layout, 'thg_1')).toBeNull();
    });
    expect(await driver.get('t', layout, 'thg_1')).not.toBeNull();
  });
});
