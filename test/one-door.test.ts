import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The one door to data (docs/architecture.md): domain packages read and write through
// `scope.records(model)` (access, validation, audit, hooks, events) or, past access checks,
// through the named bypass `scope.internal(model)` with a `// internal: <why>` comment on the
// lines just above. Raw tenant storage is the kernel's and the storage adapters' business.

const root = new URL('..', import.meta.url).pathname;
const DOMAIN_PACKAGES = ['catalog', 'customers', 'team', 'pipeline', 'orders', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    const source = entry.name.endsWith('.ts') && !/\.(test|suite)\.ts$/.test(entry.name);
    return source ? [path] : [];
  });
}

/** Code without comments and string contents, so prose never counts as a call. */
function codeOf(line: string): string {
  return line
    .replace(/\/\/.*$/, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

// A scope's or a transaction's storage, and storage calls on any name (`storage.find(...)`).
const RAW_STORAGE = [
  /\b(?:scope|tx|inner|trx|base)\s*\.\s*storage\b/,
  /\bstorage\s*\.\s*(?:get|getMany|find|count|insert|update|updateMany|delete|aggregate|transaction|nextSequenceValue|afterCommit)\s*\(/,
];

interface Violations {
  rawStorage: string[];
  unexplained: string[];
  castAway: string[];
}

function violations(packageName: string): Violations {
  const rawStorage: string[] = [];
  const unexplained: string[] = [];
  const castAway: string[] = [];
  for (const file of sourceFiles(join(root, 'packages', packageName, 'src'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let inBlockComment = false;
    lines.forEach((line, index) => {
      const trimmed = line.trim();
      if (inBlockComment || trimmed.startsWith('/*') || trimmed.startsWith('*')) {
        inBlockComment = !trimmed.includes('*/') && (inBlockComment || trimmed.startsWith('/*'));
        return;
      }
      const code = codeOf(line);
      const where = `${relative(root, file)}:${index + 1}`;
      if (RAW_STORAGE.some((pattern) => pattern.test(code))) rawStorage.push(where);
      if (/\bas\s+(?:never|unknown\s+as)\b/.test(code)) castAway.push(where);
      if (/\.internal\s*\(/.test(code)) {
        const above = lines.slice(Math.max(0, index - 3), index + 1).join('\n');
        if (!/\/\/\s*internal:\s*\S/.test(above)) unexplained.push(where);
      }
    });
  }
  return { rawStorage, unexplained, castAway };
}

describe.each(DOMAIN_PACKAGES)('@sellkit/%s goes through the one door to data', (name) => {
  const found = violations(name);
  it('makes no raw storage call (records() or the named scope.internal bypass instead)', () => {
    expect(found.rawStorage).toEqual([]);
  });
  it('keeps its types on the way down (no `as never`, no `as unknown as`)', () => {
    expect(found.castAway).toEqual([]);
  });
  it('says why on every scope.internal use (`// internal: <why>` just above)', () => {
    expect(found.unexplained).toEqual([]);
  });
});
