/**
 * E-mail addresses, checked by the RFC 5322 parser of `email-addresses` (with RFC 6532, so
 * internationalised addresses such as `用户@例子.广告` are accepted) and a domain that must be
 * a host name under a public suffix.
 */
import { domainToUnicode } from 'node:url';
import emailAddresses from 'email-addresses';
import { parse as parseHost } from 'tldts';

/**
 * Lower-cases and trims an e-mail address (domains are case-insensitive; local parts are in
 * practice, and treating them so keeps duplicates out). A punycode domain is kept in Unicode.
 *
 * @example
 * ```ts
 * normalizeEmail(' Ada@Acme.COM '); // 'ada@acme.com'
 * ```
 */
export function normalizeEmail(value: string): string {
  const email = value.trim();
  const at = email.lastIndexOf('@');
  if (at < 0) return email.toLowerCase();
  const domain = domainToUnicode(email.slice(at + 1).toLowerCase()) || email.slice(at + 1);
  return `${email.slice(0, at).toLowerCase()}@${domain.toLowerCase()}`;
}

/**
 * Why an e-mail address is invalid, or undefined when it is fine: it must be one bare RFC 5322
 * address (no display name, no comment), at most 254 characters, at a domain that is a real
 * host name (`a@b` and `a@-b.com` are refused).
 *
 * @example
 * ```ts
 * emailProblem('ada@acme.com');   // undefined
 * emailProblem('Ada <ada@acme>'); // 'is not a valid e-mail address'
 * ```
 */
export function emailProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const email = value.trim();
  if (email.length === 0) return 'must not be empty';
  if (email.length > 254) return 'must be at most 254 characters';
  const parsed = emailAddresses.parseOneAddress({ input: email, rfc6532: true, rejectTLD: true });
  if (
    parsed === null ||
    parsed.type !== 'mailbox' ||
    parsed.name !== null ||
    parsed.parts.comments.length > 0
  ) {
    return 'is not a valid e-mail address';
  }
  if (parsed.local.length > 64) return 'has a local part longer than 64 characters';
  const host = parseHost(parsed.domain, { allowPrivateDomains: true });
  if (host.isIp || host.domain === null || host.hostname !== parsed.domain.toLowerCase()) {
    return `has no valid domain ("${parsed.domain}")`;
  }
  return undefined;
}
