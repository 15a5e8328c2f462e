import { describe, expect, it } from 'vitest';
import { inChunks, readAll } from './read-all.js';

describe('readAll', () => {
  it('reads every page in order and stops when the cursor runs out', async () => {
    const data = Array.from({ length: 7 }, (_, i) => i);
    const asked: (string | undefined)[] = [];
    const rows = await readAll(async ({ after }) => {
      asked.push(after);
      const start = after ? Number(after) : 0;
      const next = start + 3 < data.length ? String(start + 3) : null;
      return { rows: data.slice(start, start + 3), nextCursor: next };
    });
    expect(rows).toEqual(data);
    expect(asked).toEqual([undefined, '3', '6']);
  });
});

describe('inChunks', () => {
  it('cuts a list into slices of at most the size, in order', () => {
    expect(inChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inChunks([], 2)).toEqual([]);
    expect(inChunks(Array.from({ length: 1001 }, (_, i) => i)).map((c) => c.length)).toEqual([
      500, 500, 1,
    ]);
    expect(() => inChunks([1], 0)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
