import type { IssueList } from '@sellkit/core/module';
import type { CustomersContext } from '../shared/context.js';
import { models } from '../shared/context.js';

/** The lookup key of a tag name: trimmed, inner spaces collapsed, lower case. */
export function tagKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Turns tag names given by a caller into the tenant's canonical names (case-insensitive
 * match, duplicates dropped, order kept). Unknown tags are issues at `path.N`.
 */
export async function resolveTagNames(
  ctx: CustomersContext,
  value: unknown,
  path: string,
  issues: IssueList,
): Promise<string[]> {
  if (!Array.isArray(value)) {
    issues.add(path, 'must be a list of tag names', 'invalid_type');
    return [];
  }
  const keys: string[] = [];
  value.forEach((item, index) => {
    if (typeof item !== 'string' || tagKey(item).length === 0 || item.length > 100) {
      issues.add(`${path}.${index}`, 'must be a tag name of 1 to 100 characters', 'invalid_type');
      keys.push('');
    } else keys.push(tagKey(item));
  });
  const wanted = [...new Set(keys.filter((key) => key.length > 0))];
  if (wanted.length === 0) return [];
  // internal: tags are the tenant's reference data, the same list for everyone
  const found = await ctx.scope.internal(models(ctx.scope).tag).find({
    where: { key: { in: wanted } },
    limit: wanted.length,
  });
  const byKey = new Map(found.rows.map((row) => [row.key, row.name]));
  const names: string[] = [];
  keys.forEach((key, index) => {
    if (key.length === 0) return;
    const name = byKey.get(key);
    if (name === undefined) {
      issues.add(`${path}.${index}`, `unknown tag "${String(value[index])}"`, 'unknown_tag');
    } else if (!names.includes(name)) names.push(name);
  });
  return names;
}
