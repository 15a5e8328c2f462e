/**
 * Tree walks shared by the reports-to hierarchy and the territory tree. Both are stored as
 * parent links; these helpers never loop forever, even on corrupt data.
 */

/** Children lists from parent links. */
export function childrenIndex<T extends { id: string }>(
  nodes: readonly T[],
  parentOf: (node: T) => string | null,
): Map<string, T[]> {
  const children = new Map<string, T[]>();
  for (const node of nodes) {
    const parent = parentOf(node);
    if (parent === null) continue;
    const list = children.get(parent);
    if (list) list.push(node);
    else children.set(parent, [node]);
  }
  return children;
}

/**
 * Everything beneath `rootId`, breadth first (nearest first), down to `depth` levels
 * (`Infinity` for all). The root itself is not included.
 */
export function descendants<T extends { id: string }>(
  rootId: string,
  children: ReadonlyMap<string, readonly T[]>,
  depth = Number.POSITIVE_INFINITY,
): T[] {
  const found: T[] = [];
  const seen = new Set<string>([rootId]);
  let level: string[] = [rootId];
  for (let distance = 1; distance <= depth && level.length > 0; distance += 1) {
    const next: string[] = [];
    for (const id of level) {
      for (const child of children.get(id) ?? []) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        found.push(child);
        next.push(child.id);
      }
    }
    level = next;
  }
  return found;
}

/**
 * The chain of parents from `startId` upwards (nearest first, `startId` itself excluded).
 * Stops at a root, at a missing node, or where the chain would repeat.
 */
export async function ancestorChain(
  startId: string,
  parentOf: (id: string) => Promise<string | null>,
): Promise<string[]> {
  const chain: string[] = [];
  const seen = new Set<string>([startId]);
  let current = await parentOf(startId);
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = await parentOf(current);
  }
  return chain;
}

/**
 * True when making `newParentId` the parent of `nodeId` would close a loop: the node itself,
 * or any node above the new parent, is `nodeId`.
 */
export async function wouldCycle(
  nodeId: string,
  newParentId: string,
  parentOf: (id: string) => Promise<string | null>,
): Promise<boolean> {
  if (nodeId === newParentId) return true;
  const chain = await ancestorChain(newParentId, parentOf);
  return chain.includes(nodeId);
}
