import type { IssueList } from '@sellkit/core/module';
import type { CustomersContext } from './context.js';

/**
 * Checks an owner or territory id against the configured directory and records an issue
 * when it is unknown. Without a directory every id is accepted.
 */
export async function checkDirectory(
  ctx: CustomersContext,
  kind: 'owners' | 'territories',
  path: string,
  value: unknown,
  issues: IssueList,
): Promise<void> {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
    issues.add(path, 'must be an id of at most 128 characters', 'invalid_type');
    return;
  }
  const directory = ctx.options[kind];
  if (!directory) return;
  if (!(await directory.exists(ctx.scope, value))) {
    issues.add(
      path,
      `${kind === 'owners' ? 'owner' : 'territory'} ${value} does not exist`,
      kind === 'owners' ? 'unknown_owner' : 'unknown_territory',
    );
  }
}
