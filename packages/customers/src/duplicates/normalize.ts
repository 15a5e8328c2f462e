import { phoneDigits, websiteHost } from '../shared/formats.js';

/**
 * Legal-form words dropped at the end of company names ("Acme Corporation", "Acme Corp.",
 * "ACME GmbH" all become "acme"). Only trailing words are dropped, and never the last word
 * left, so "The Company" keeps a name.
 */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'ab',
  'ag',
  'as',
  'bv',
  'co',
  'company',
  'corp',
  'corporation',
  'gmbh',
  'inc',
  'incorporated',
  'kg',
  'kk',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'nv',
  'oy',
  'plc',
  'pte',
  'pty',
  'sa',
  'sarl',
  'sas',
  'spa',
  'srl',
]);

/** Free-mail providers: an address there says nothing about the employer. */
export const DEFAULT_FREE_MAIL_DOMAINS: readonly string[] = Object.freeze([
  'aol.com',
  'gmail.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hotmail.com',
  'icloud.com',
  'live.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'outlook.com',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'web.de',
  'yahoo.com',
  'yandex.ru',
]);

/**
 * The comparable form of a company name: lower case, diacritics and punctuation removed,
 * `&` read as "and", trailing legal forms dropped. Idempotent:
 * `normalizeCompanyName(normalizeCompanyName(x)) === normalizeCompanyName(x)`.
 *
 * @example
 * ```ts
 * normalizeCompanyName('Société Générale S.A.'); // 'societe generale'
 * normalizeCompanyName('ACME, Inc.');            // 'acme'
 * ```
 */
export function normalizeCompanyName(name: string): string {
  // A few code points only settle after a second round (case mapping can produce letters
  // that decompose further), so run to a fixed point to keep the function idempotent.
  let current = normalizeOnce(name);
  for (let round = 0; round < 4; round += 1) {
    const next = normalizeOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function normalizeOnce(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "S.A." and "G.m.b.H." lose their dots before splitting, so they read as one word.
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

/** The domain of an e-mail address, lower-cased, or undefined for a free-mail provider. */
export function employerDomain(email: string, freeMail: ReadonlySet<string>): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (domain.length === 0 || freeMail.has(domain)) return undefined;
  return domain;
}

/** The registrable-looking part of a web host: `www.acme.com` → `acme.com`. */
export function siteDomain(website: string): string | undefined {
  const host = websiteHost(website);
  return host?.replace(/^www\d*\./, '');
}

/**
 * The comparable form of a phone number: its last 9 digits (enough to ignore country and
 * trunk prefixes), or undefined with fewer than 9 digits.
 *
 * @example
 * ```ts
 * phoneKey('+49 30 1234 5678'); // '012345678'
 * phoneKey('030 1234-5678') === phoneKey('+49 30 12345678'); // true: same last 9 digits
 * phoneKey('1234'); // undefined: too short to compare
 * ```
 */
export function phoneKey(phone: string): string | undefined {
  const digits = phoneDigits(phone);
  return digits.length >= 9 ? digits.slice(-9) : undefined;
}
