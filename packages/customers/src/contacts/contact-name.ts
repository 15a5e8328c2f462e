/**
 * Person names written in either order: Western names given name first (`Ada Lovelace`),
 * Chinese, Japanese and Korean names family name first and without a space (`张伟`).
 */

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·]+$/u;

/**
 * Two-character Chinese family names (复姓): `欧阳娜娜` is 欧阳 + 娜娜, not 欧 + 阳娜娜. The
 * common ones only; a rarer one is split after its first character, and can be fixed by
 * mapping first and last name from separate columns.
 */
export const COMPOUND_FAMILY_NAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '澹台',
]);

/**
 * True for a name written in Han, kana or Hangul only (`张伟`, `山田太郎`).
 *
 * @example
 * ```ts
 * isCjkName('山田 太郎'); // true
 * isCjkName('Zhang Wei'); // false
 * ```
 */
export function isCjkName(name: string): boolean {
  return CJK.test(name.replace(/\s+/g, ''));
}

/** A full name split into the contact's name fields. */
export interface SplitName {
  readonly firstName: string | null;
  readonly lastName: string;
}

/**
 * Splits a full name: a CJK name into its family name (the first character, or a known
 * two-character family name) and given name; any other name at its last space (`Mary Ann
 * Smith` → `Mary Ann` + `Smith`); `Smith, John` as family name first. A single word is the
 * last name.
 *
 * @example
 * ```ts
 * splitFullName('张伟');          // { firstName: '伟', lastName: '张' }
 * splitFullName('Ada Lovelace');  // { firstName: 'Ada', lastName: 'Lovelace' }
 * splitFullName('Lovelace, Ada'); // { firstName: 'Ada', lastName: 'Lovelace' }
 * ```
 */
export function splitFullName(fullName: string): SplitName | undefined {
  const text = fullName.trim().replace(/\s+/g, ' ');
  if (text.length === 0) return undefined;
  if (isCjkName(text)) {
    const name = text.replace(/ /g, '');
    if (name.length === 1) return { firstName: null, lastName: name };
    const family = COMPOUND_FAMILY_NAMES.has(name.slice(0, 2)) && name.length > 2 ? 2 : 1;
    return { firstName: name.slice(family), lastName: name.slice(0, family) };
  }
  const comma = text.indexOf(',');
  if (comma > 0) {
    const last = text.slice(0, comma).trim();
    const first = text.slice(comma + 1).trim();
    if (last.length > 0) return { firstName: first || null, lastName: last };
  }
  const space = text.lastIndexOf(' ');
  if (space < 0) return { firstName: null, lastName: text };
  return { firstName: text.slice(0, space), lastName: text.slice(space + 1) };
}

/**
 * How a contact's name is written for people: family name first without a space for CJK
 * names (`张伟`), given name first otherwise (`Ada Lovelace`).
 *
 * @example
 * ```ts
 * contactDisplayName({ firstName: '伟', lastName: '张' });        // '张伟'
 * contactDisplayName({ firstName: 'Ada', lastName: 'Lovelace' }); // 'Ada Lovelace'
 * ```
 */
export function contactDisplayName(contact: {
  readonly firstName: string | null;
  readonly lastName: string;
}): string {
  const first = contact.firstName ?? '';
  if (isCjkName(`${contact.lastName}${first}`)) return `${contact.lastName}${first}`;
  return first ? `${first} ${contact.lastName}` : contact.lastName;
}
