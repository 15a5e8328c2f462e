import { describe, expect, it } from 'vitest';
import { memoryStream } from '../test-support/memory-io.js';
import { createProgress } from './progress.js';

describe('progress', () => {
  it('writes a line every step when stderr is not a terminal', () => {
    const stream = memoryStream(false);
    const progress = createProgress(stream, { stepPercent: 25 });
    progress.phase('rows', 100);
    for (let done = 1; done <= 100; done++) progress.update(done);
    progress.done();
    const lines = stream.text().trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(' 25% 25/100');
    expect(lines[2]).toContain(' 75% 75/100');
    expect(lines[3]).toBe('rows done: 100');
    expect(stream.text()).not.toContain('\r');
  });

  it('redraws one line in place on a terminal, throttled by time', () => {
    const stream = memoryStream(true);
    let time = 0;
    const progress = createProgress(stream, { now: () => time, redrawMs: 100 });
    progress.phase('companies', 10);
    for (let done = 1; done <= 10; done++) {
      time += 30;
      progress.update(done);
    }
    progress.done();
    const text = stream.text();
    expect(text.split('\n')).toHaveLength(2);
    expect(text.endsWith('10/10\n')).toBe(true);
    const redraws = text.split('\r').length - 1;
    expect(redraws).toBeGreaterThan(2);
    expect(redraws).toBeLessThan(8);
  });

  it('shows a detail instead of counts, and nothing when off', () => {
    const stream = memoryStream(true);
    const progress = createProgress(stream);
    progress.phase('import', 1000);
    progress.update(500, undefined, '4,000 rows');
    progress.done();
    expect(stream.text()).toContain('4,000 rows');
    const off = memoryStream(true);
    const silent = createProgress(off, { mode: 'off' });
    silent.phase('x', 1);
    silent.update(1);
    silent.done();
    expect(off.text()).toBe('');
  });
});
