import type { EventMap, ModuleScope } from '@sellkit/core';
import type { Rep } from '../reps/rep-model.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';

/** Ids per `in` filter: keeps SQL parameter lists well below every engine's limit. */
const CHUNK = 500;

/**
 * Everyone beneath a rep in the reports-to tree, nearest level first and by name within a
 * level: an iterative breadth-first walk with one indexed query per level (per 500 managers),
 * so a manager of ten costs one query and a VP of thousands a handful. Never loops, even on
 * corrupt data.
 */
export async function subordinates<E extends EventMap>(
  scope: ModuleScope<E>,
  rootId: string,
  depth = Number.POSITIVE_INFINITY,
): Promise<Rep[]> {
  // internal: the reports-to tree whole; callers filter to the actor's reach where it matters
  const reps = scope.internal(teamModels(scope).rep);
  const found: Rep[] = [];
  const seen = new Set<string>([rootId]);
  let frontier = [rootId];
  for (let level = 1; level <= depth && frontier.length > 0; level += 1) {
    const next: Rep[] = [];
    for (let start = 0; start < frontier.length; start += CHUNK) {
      const rows = await loadAll(
        reps,
        { reportsToId: { in: frontier.slice(start, start + CHUNK) } },
        [{ field: 'name', direction: 'asc' }],
      );
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        next.push(row);
      }
    }
    next.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    found.push(...next);
    frontier = next.map((row) => row.id);
  }
  return found;
}
