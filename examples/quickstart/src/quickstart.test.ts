import { describe, expect, it } from 'vitest';
import { run } from './quickstart.js';

describe('quickstart example', () => {
  it('creates two deals on SQLite and finds the big one', async () => {
    const report = await run();
    expect(report.created).toEqual(['Cancity renewal: 12500.00 EUR', 'Isdom pilot: 4514.00 EUR']);
    expect(report.big).toEqual(['Cancity renewal: 12500.00 EUR']);
    expect(report.seenByOtherRep).toBe(0);
  });
});
