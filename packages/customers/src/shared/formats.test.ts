import { describe, expect, it } from 'vitest';
import { dateProblem, emailProblem, phoneProblem, websiteHost } from './formats.js';

describe('input formats', () => {
  it('accepts sane e-mail addresses only', () => {
    for (const good of ['ada@acme.com', 'first.last+tag@sub.example.co.uk', 'x@a-b.io']) {
      expect(emailProblem(good), good).toBeUndefined();
    }
    for (const bad of [
      '',
      'ada',
      'ada@',
      '@acme.com',
      'a@b',
      'a b@c.com',
      'a@@b.com',
      '.a@b.com',
      'a..b@c.com',
      'a@-b.com',
      42,
    ]) {
      expect(emailProblem(bad), String(bad)).toBeDefined();
    }
    expect(emailProblem(`${'a'.repeat(250)}@b.com`)).toContain('254');
  });

  it('accepts E.164-ish phone numbers with 7 to 15 digits', () => {
    for (const good of [
      '+1 (555) 010-9999',
      '555 1234',
      '+44 20 7946 0958',
      '0049.30.1234567',
      '123456789012345',
    ]) {
      expect(phoneProblem(good), good).toBeUndefined();
    }
    for (const bad of [
      '123456',
      '1234567890123456',
      '+1 555 CALL',
      '1+555 1234',
      '555#1234',
      '',
      null,
    ]) {
      expect(phoneProblem(bad), String(bad)).toBeDefined();
    }
  });

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

  it('reads web hosts with or without a scheme', () => {
    expect(websiteHost('https://www.Acme.com/about')).toBe('www.acme.com');
    expect(websiteHost('acme.com')).toBe('acme.com');
    expect(websiteHost('ftp://acme.com')).toBeUndefined();
    expect(websiteHost('not a site')).toBeUndefined();
    expect(websiteHost('localhost')).toBeUndefined();
  });
});
