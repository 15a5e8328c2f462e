import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// No file-level import cycle among the relative imports of packages/*/src (tests and test support
// included). Type-only imports count too: they are harmless at run time, but a cycle of types is
// still two files that cannot be read, moved or split one without the other.

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const packagesDir = join(root, 'packages');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** file → the files its relative imports and re-exports (`from './x.js'`) name. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(packagesDir)
    .map((name) => join(packagesDir, name, 'src'))
    .filter((dir) => existsSync(dir))
    .flatMap(sourceFiles);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [
      ...text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'|\bimport\s*\(?\s*'(\.{1,2}\/[^']+)'/g),
    ]
      .map((match) => resolve(dirname(file), (match[1] ?? match[2] ?? '').replace(/\.js$/, '.ts')))
      .filter((target) => existsSync(target));
    graph.set(relative(root, file), [...new Set(targets.map((target) => relative(root, target)))]);
  }
  return graph;
}

/** Every strongly connected group of two files or more, as the list of its edges. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}

describe('import cycles in packages/*/src', () => {
  it('finds none: no two files import each other, directly or around a loop', () => {
    const groups = cycles(importGraph()).map((group) => group.join(', '));
    expect(groups, `files importing each other:\n${groups.join('\n')}`).toEqual([]);
  });
});
