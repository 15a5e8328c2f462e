import { describe, expect, it } from 'vitest';
import { emailProblem, normalizeEmail } from './email-address.js';
import { registrableDomain, websiteHost } from './web-domain.js';

describe('e-mail addresses (email-addresses, RFC 5322 and 6532)', () => {
  it('accepts addresses, internationalised ones included, and lower-cases them', () => {
    for (const good of [
      'ada@acme.com',
      'first.last+tag@sub.example.co.uk',
      'x@a-b.io',
      '用户@例子.广告',
      'josé@bücher.de',
      '"a b"@example.com',
    ]) {
      expect(emailProblem(good), good).toBeUndefined();
    }
    expect(normalizeEmail(' Ada@Acme.COM ')).toBe('ada@acme.com');
    expect(normalizeEmail('a@XN--BCHER-KVA.DE')).toBe('a@bücher.de');
  });

  it('refuses what is no bare address at a real domain', () => {
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
      'Ada <ada@acme.com>',
      'ada@acme.com (work)',
      'a@192.168.0.1',
      42,
    ]) {
      expect(emailProblem(bad), String(bad)).toBeDefined();
    }
    expect(emailProblem(`${'a'.repeat(250)}@b.com`)).toContain('254');
  });
});

describe('web addresses (tldts)', () => {
  it('reads hosts with or without a scheme, and their registrable domain', () => {
    expect(websiteHost('https://www.Acme.com/about')).toBe('www.acme.com');
    expect(websiteHost('acme.com')).toBe('acme.com');
    expect(websiteHost('ftp://acme.com')).toBeUndefined();
    expect(websiteHost('not a site')).toBeUndefined();
    expect(websiteHost('localhost')).toBeUndefined();
    expect(registrableDomain('https://www.shop.acme.co.uk/x')).toBe('acme.co.uk');
    expect(registrableDomain('acme.github.io')).toBe('acme.github.io');
    expect(registrableDomain('https://www.例子.广告/')).toBe('例子.广告');
  });
});
