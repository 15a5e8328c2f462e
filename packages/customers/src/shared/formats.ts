/**
 * Input formats shared by companies, contacts and the importer. Each check returns a reason
 * string when the value is bad and undefined when it is fine, so callers can collect issues.
 */

const EMAIL =
  /^[^\s@"'<>(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const PHONE_CHARACTERS = /^\+?[0-9 ()\-.]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Lower-cases and trims an e-mail address. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Why an e-mail address is invalid, or undefined when it is fine. */
export function emailProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const email = value.trim();
  if (email.length === 0) return 'must not be empty';
  if (email.length > 254) return 'must be at most 254 characters';
  if (!EMAIL.test(email)) return 'is not a valid e-mail address';
  const local = email.slice(0, email.indexOf('@'));
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'is not a valid e-mail address';
  }
  return undefined;
}

/** The digits of a phone number (every other character dropped). */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * Why a phone number is invalid, or undefined. Accepted: digits, spaces, `+` (first only),
 * `-`, `.` and parentheses, with 7 to 15 digits (the E.164 maximum).
 */
export function phoneProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const phone = value.trim();
  if (phone.length === 0) return 'must not be empty';
  if (phone.length > 40) return 'must be at most 40 characters';
  if (!PHONE_CHARACTERS.test(phone)) {
    return 'may only contain digits, spaces, + (first), -, . and parentheses';
  }
  const digits = phoneDigits(phone).length;
  if (digits < 7 || digits > 15) return 'must have 7 to 15 digits';
  return undefined;
}

/** Why a `YYYY-MM-DD` calendar date is invalid (wrong shape, or a day that does not exist). */
export function dateProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a YYYY-MM-DD string';
  const match = DATE.exec(value);
  if (!match) return 'must be a YYYY-MM-DD date';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return 'is not a day that exists';
  }
  return undefined;
}

/** True in leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-based month). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a website is invalid; accepts `https://acme.com/x` and bare `acme.com`. */
export function websiteProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const host = websiteHost(value);
  if (host === undefined) return 'is not a valid web address';
  return undefined;
}

/** The lower-case host of a web address (`https://www.Acme.com/x` → `www.acme.com`), if valid. */
export function websiteHost(value: string): string | undefined {
  const text = value.trim();
  if (text.length === 0 || text.length > 500 || /\s/.test(text)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(url.hostname)) return undefined;
    return url.hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
