/**
 * Web addresses and the registrable domains duplicate detection compares, through `tldts`
 * (the Public Suffix List, private suffixes included: `acme.github.io` is its own domain).
 */
import { domainToUnicode } from 'node:url';
import { getDomain, parse } from 'tldts';

const OPTIONS = { allowPrivateDomains: true } as const;

/**
 * The lower-case host of a web address (`https://www.Acme.com/x` → `www.acme.com`) when it is
 * an http(s) address of a host under a public suffix; undefined otherwise.
 *
 * @example
 * ```ts
 * websiteHost('https://www.Acme.com/x'); // 'www.acme.com'
 * websiteHost('acme.com');               // 'acme.com'
 * websiteHost('ftp://acme.com');         // undefined
 * ```
 */
export function websiteHost(value: string): string | undefined {
  const text = value.trim();
  if (text.length === 0 || text.length > 500 || /\s/.test(text)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let hostname: string;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    hostname = url.hostname;
  } catch {
    return undefined;
  }
  const host = parse(hostname, OPTIONS);
  if (host.isIp || host.domain === null || host.hostname === null) return undefined;
  return domainToUnicode(host.hostname) || host.hostname;
}

/** Why a web address is invalid; accepts `https://acme.com/x` and bare `acme.com`. */
export function websiteProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  return websiteHost(value) === undefined ? 'is not a valid web address' : undefined;
}

/**
 * The registrable domain of a host, web address or e-mail domain: `www.shop.acme.co.uk` →
 * `acme.co.uk`, `https://bücher.de/x` → `bücher.de` (punycode read as Unicode).
 *
 * @example
 * ```ts
 * registrableDomain('https://www.acme.co.uk/about'); // 'acme.co.uk'
 * ```
 */
export function registrableDomain(value: string): string | undefined {
  const host = value.includes('/') || value.includes(':') ? websiteHost(value) : value.trim();
  if (!host) return undefined;
  const domain = getDomain(host.toLowerCase(), OPTIONS);
  return domain ? domainToUnicode(domain) || domain : undefined;
}
