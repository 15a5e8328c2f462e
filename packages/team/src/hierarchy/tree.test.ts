import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorChain, childrenIndex, descendants, wouldCycle } from './tree.js';

interface Node {
  id: string;
  parent: string | null;
}

/** A random forest: node i's parent is an earlier node or nobody, so there are no cycles. */
const forest = fc
  .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 60 })
  .map((parents) =>
    parents.map(
      (parent, index): Node => ({
        id: `n${index}`,
        parent: parent === null || index === 0 ? null : `n${parent % index}`,
      }),
    ),
  );

function parentLookup(nodes: readonly Node[]) {
  const map = new Map(nodes.map((node) => [node.id, node.parent]));
  return async (id: string) => map.get(id) ?? null;
}

describe('tree walks', () => {
  it('descendants: breadth first, bounded by depth, never the root, never twice', () => {
    const nodes: Node[] = [
      { id: 'a', parent: null },
      { id: 'b', parent: 'a' },
      { id: 'c', parent: 'a' },
      { id: 'd', parent: 'b' },
      { id: 'e', parent: 'd' },
    ];
    const children = childrenIndex(nodes, (node) => node.parent);
    expect(descendants('a', children).map((node) => node.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(descendants('a', children, 1).map((node) => node.id)).toEqual(['b', 'c']);
    expect(descendants('e', children)).toEqual([]);
  });

  it('survives corrupt data with a loop', async () => {
    const nodes: Node[] = [
      { id: 'a', parent: 'c' },
      { id: 'b', parent: 'a' },
      { id: 'c', parent: 'b' },
    ];
    expect(
      descendants(
        'a',
        childrenIndex(nodes, (node) => node.parent),
      ).map((n) => n.id),
    ).toEqual(['b', 'c']);
    expect(await ancestorChain('a', parentLookup(nodes))).toEqual(['c', 'b']);
  });

  it('property: x is under y exactly when y is in x’s ancestor chain', async () => {
    await fc.assert(
      fc.asyncProperty(forest, fc.nat(), fc.nat(), async (nodes, i, j) => {
        const x = nodes[i % nodes.length] as Node;
        const y = nodes[j % nodes.length] as Node;
        const children = childrenIndex(nodes, (node) => node.parent);
        const under = descendants(y.id, children).some((node) => node.id === x.id);
        const chain = await ancestorChain(x.id, parentLookup(nodes));
        expect(under).toBe(chain.includes(y.id));
      }),
    );
  });

  it('property: a new parent closes a loop exactly when it lies under the node (or is it)', async () => {
    await fc.assert(
      fc.asyncProperty(forest, fc.nat(), fc.nat(), async (nodes, i, j) => {
        const node = nodes[i % nodes.length] as Node;
        const parent = nodes[j % nodes.length] as Node;
        const below = descendants(
          node.id,
          childrenIndex(nodes, (n) => n.parent),
        ).map((n) => n.id);
        const expected = node.id === parent.id || below.includes(parent.id);
        expect(await wouldCycle(node.id, parent.id, parentLookup(nodes))).toBe(expected);
      }),
    );
  });
});
