import { describe, expect, it } from 'vitest';
import { dateProblem } from './formats.js';

describe('calendar dates', () => {
  it('accepts only calendar days that exist', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2023-02-29')).toBe('is not a day that exists');
    expect(dateProblem('2023-02-30')).toBe('is not a day that exists');
    expect(dateProblem('2023-04-31')).toBe('is not a day that exists');
    expect(dateProblem('1900-02-29')).toBe('is not a day that exists');
    expect(dateProblem('2000-02-29')).toBeUndefined();
    expect(dateProblem('2023-2-3')).toBeDefined();
    expect(dateProblem(20230203)).toBeDefined();
  });
});
