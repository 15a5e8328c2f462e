import type { AnyModel, ModuleScope } from '@sellkit/core';

async function lookup(
  scope: ModuleScope,
  model: AnyModel,
  keyField: string,
  keys: readonly string[],
  label: (row: Record<string, unknown>) => string,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(keys.filter((key) => key !== ''))];
  for (let start = 0; start < unique.length; start += 500) {
    const page = await scope.records(model).find({
      where: { [keyField]: { in: unique.slice(start, start + 500) } },
      limit: 500,
    });
    for (const row of page.rows as Record<string, unknown>[]) {
      names.set(String(row[keyField]), label(row));
    }
  }
  return names;
}

/** Rep names by user id (what owner fields hold); unknown ids map to themselves. */
export function ownerNames(scope: ModuleScope, userIds: readonly string[]) {
  return lookup(scope, scope.model('rep'), 'userId', userIds, (row) => String(row.name));
}

/** Territory names by id. */
export function territoryNames(scope: ModuleScope, ids: readonly string[]) {
  return lookup(scope, scope.model('territory'), 'id', ids, (row) => String(row.name));
}

/** A group key as text: null groups read `(none)`. */
export function keyText(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(none)' : String(value);
}

const HAN = /\p{Script=Han}/u;

/**
 * A contact's full name as its language writes it: Chinese names family name first, without a
 * space (`张伟`); others given name first (`Ada Bauer`).
 */
export function personName(firstName: unknown, lastName: unknown): string {
  const parts = [firstName, lastName].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  if (parts.length === 2 && parts.every((part) => HAN.test(part))) return `${parts[1]}${parts[0]}`;
  return parts.join(' ');
}
