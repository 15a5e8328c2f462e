/** A value converter of a dialect's encoder or decoder. */
export type Convert = (value: unknown) => unknown;

/** `convert` for values, null for null and undefined (a column without a value). */
export function nullable(convert: Convert): Convert {
  return (value) => (value === null || value === undefined ? null : convert(value));
}

/** The value as it is, null for undefined. */
export const asIs: Convert = (value) => (value === undefined ? null : value);
