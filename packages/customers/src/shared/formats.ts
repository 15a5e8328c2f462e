/**
 * Calendar dates shared by contacts, interactions and the importer. Each check returns a
 * reason string when the value is bad and undefined when it is fine, so callers can collect
 * issues. E-mails, phones, web addresses and countries have files of their own beside this.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
