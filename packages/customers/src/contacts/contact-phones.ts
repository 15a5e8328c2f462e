import type { IssueList } from '@sellkit/core/module';
import type { CustomersContext } from '../shared/context.js';
import { defaultCountry } from '../shared/default-country.js';
import { type PhoneNumber, parsePhone } from '../shared/phone-number.js';
import type { Contact } from './contact-model.js';

/**
 * The key a contact's `phones` list holds for a number: E.164, with the extension in RFC 3966
 * form (`+19409863836;ext=4639`). Reading a key back gives the same number and extension.
 *
 * @example
 * ```ts
 * phoneKeyOf({ number: '+19409863836', extension: '4639' });
 * // '+19409863836;ext=4639'
 * ```
 */
export function phoneKeyOf(phone: Pick<PhoneNumber, 'number' | 'extension'>): string {
  return phone.extension ? `${phone.number};ext=${phone.extension}` : phone.number;
}

/** The outcome of reading a list of phone texts. */
export interface ParsedPhones {
  /** Distinct keys, in the order given. */
  readonly phones: string[];
  readonly phoneNumbers: PhoneNumber[];
  /** The texts the parser refused, with their index in the list and the reason. */
  readonly problems: { readonly index: number; readonly value: string; readonly reason: string }[];
}

/**
 * Reads phone texts in `country`. A text that is a stored key of `previous` keeps its stored
 * details (so writing back `contact.phones` keeps what was entered).
 *
 * @example
 * ```ts
 * const { phones, problems } = parsePhones(['(534)997-7624', '+1 534 997 7624', '12'], 'US');
 * phones;   // ['+15349977624'] (the same number once)
 * problems; // [{ index: 2, value: '12', reason: 'is too short to be a phone number (read as a number of US) [TOO_SHORT]' }]
 * ```
 */
export function parsePhones(
  texts: readonly unknown[],
  country: string | undefined,
  previous: readonly PhoneNumber[] = [],
): ParsedPhones {
  const known = new Map(previous.map((phone) => [phoneKeyOf(phone), phone]));
  const phones: string[] = [];
  const phoneNumbers: PhoneNumber[] = [];
  const problems: ParsedPhones['problems'] = [];
  texts.forEach((text, index) => {
    if (typeof text !== 'string') {
      problems.push({ index, value: String(text), reason: 'must be a string' });
      return;
    }
    const stored = known.get(text.trim());
    let phone: PhoneNumber;
    if (stored) phone = stored;
    else {
      const read = parsePhone(text, country);
      if (!read.ok) {
        problems.push({ index, value: text, reason: read.reason });
        return;
      }
      phone = read.phone;
    }
    const key = phoneKeyOf(phone);
    if (phones.includes(key)) return;
    phones.push(key);
    phoneNumbers.push(phone);
  });
  return { phones, phoneNumbers, problems };
}

/**
 * Validates the `phones` of a contact input: each is read as a phone number (in the default
 * country when it has no country code) and stored as its key, with the details in
 * `phoneNumbers`. A text that is no phone number is an issue at `phones.<index>` with the
 * parser's reason. A contact stored before phones were parsed is upgraded by any write that
 * can read all of its numbers.
 */
export function checkContactPhones(
  ctx: CustomersContext,
  data: Record<string, unknown>,
  before: Contact | null,
  issues: IssueList,
): void {
  const value = data.phones;
  if (value === undefined) {
    if (before === null) data.phoneNumbers = [];
    else if (before.phoneNumbers === null) {
      // A legacy contact: upgrade it with this write when every number reads.
      const read = parsePhones(before.phones, defaultCountry(ctx));
      if (read.problems.length === 0) {
        data.phones = read.phones;
        data.phoneNumbers = read.phoneNumbers;
      }
    }
    return;
  }
  if (value === null) {
    data.phones = [];
    data.phoneNumbers = [];
    return;
  }
  if (!Array.isArray(value)) {
    issues.add('phones', 'must be a list', 'invalid_type');
    return;
  }
  const read = parsePhones(value, defaultCountry(ctx), before?.phoneNumbers ?? []);
  for (const problem of read.problems) {
    issues.add(`phones.${problem.index}`, `"${problem.value}" ${problem.reason}`, 'invalid_phone');
  }
  data.phones = read.phones;
  data.phoneNumbers = read.phoneNumbers;
}

/**
 * A contact as read: one stored before phones were parsed (`phoneNumbers` null) gets its
 * numbers read in the default country, in memory; texts that do not read stay in `phones` as
 * they were (`reparsePhones()` reports them). Stored rows are changed by writes and by
 * `reparsePhones()`, never by reads.
 */
export function readableContact(ctx: CustomersContext, contact: Contact): Contact {
  if (contact.phoneNumbers !== null) return contact;
  const read = parsePhones(contact.phones, defaultCountry(ctx));
  const failed = read.problems.map((problem) => problem.value);
  return { ...contact, phones: [...read.phones, ...failed], phoneNumbers: read.phoneNumbers };
}
