import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import ts from 'typescript';

/**
 * The code blocks of the guides, grouped into the modules the doc test checks. The convention
 * (docs/README.md): every ```ts block is a module, type-checked; `<!-- doctest: ... -->` on the
 * line(s) right above a block changes that:
 *
 * - `continue`: the block continues the module of the previous ```ts block of the same file;
 * - `aside`: a self-standing block inside a run of continued ones (`continue` skips it);
 * - `no-run (reason)`: type-checked, never executed;
 * - `skip (reason)`: not checked at all (pseudo-code).
 *
 * Names a fragment takes from blocks it does not continue come from the doc's prelude,
 * `docs/.doctest/<doc>.ts` (exported declarations). A module that uses nothing from a prelude is
 * self-contained and is executed.
 */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** One ```ts block as written. */
export interface DocBlock {
  readonly doc: string;
  /** 1-based line of the block's first code line in the doc. */
  readonly line: number;
  readonly code: string;
  readonly directives: ReadonlySet<string>;
}

/** One module: a block and the blocks that continue it. */
export interface DocUnit {
  readonly id: string;
  readonly doc: string;
  readonly blocks: readonly DocBlock[];
  readonly noRun: boolean;
}

/** Every doc the test reads: README.md and docs/*.md. */
export function docFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

const FENCE = /^```(\S*)\s*$/;
const DIRECTIVE = /^<!--\s*doctest:\s*(.*?)\s*-->$/;

/** The fenced blocks of one doc: ```ts ones as {@link DocBlock}, others only counted. */
export function readBlocks(doc: string): { ts: DocBlock[]; other: number } {
  const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  let other = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? '');
    if (!open) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end += 1;
    if (open[1] === 'ts' || open[1] === 'typescript') {
      const directives = new Set<string>();
      for (let above = index - 1; above >= 0; above -= 1) {
        const match = DIRECTIVE.exec((lines[above] ?? '').trim());
        if (!match) break;
        for (const part of (match[1] ?? '').split(',')) {
          const name = part.trim().split(/[\s(]/)[0];
          if (name) directives.add(name);
        }
      }
      blocks.push({ doc, line: start + 1, code: lines.slice(start, end).join('\n'), directives });
    } else {
      other += 1;
    }
    index = end;
  }
  return { ts: blocks, other };
}

/** Groups the checked blocks of one doc into modules. */
export function unitsOf(blocks: readonly DocBlock[]): DocUnit[] {
  const units: { id: string; doc: string; blocks: DocBlock[] }[] = [];
  let main: { blocks: DocBlock[] } | undefined;
  for (const block of blocks) {
    if (block.directives.has('skip')) continue;
    if (block.directives.has('continue') && main) {
      main.blocks.push(block);
      continue;
    }
    const unit = { id: `${block.doc}:${block.line}`, doc: block.doc, blocks: [block] };
    units.push(unit);
    if (!block.directives.has('aside')) main = unit;
  }
  return units.map((unit) => ({
    ...unit,
    noRun: unit.blocks.some((block) => block.directives.has('no-run')),
  }));
}

/** The prelude of a doc, if it has one: `docs/.doctest/<name>.ts`. */
export function preludeOf(doc: string): string | null {
  const file = join(ROOT, 'docs/.doctest', `${basename(doc, '.md')}.ts`);
  return existsSync(file) ? file : null;
}

/** Names exported by a prelude, split into values and types. */
export function preludeExports(file: string): { values: string[]; types: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const values: string[] = [];
  const types: string[] = [];
  for (const statement of source.statements) {
    const exported = ts
      .getModifiers(statement as ts.HasModifiers)
      ?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(statement) && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          (statement.isTypeOnly || element.isTypeOnly ? types : values).push(element.name.text);
        }
      }
      continue;
    }
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        values.push(...bindingNames(declaration.name));
      }
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (statement.name) values.push(statement.name.text);
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      types.push(statement.name.text);
    }
  }
  return { values, types };
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

/** Top-level names a module declares or imports itself. */
export function declaredNames(code: string): Set<string> {
  const source = ts.createSourceFile('unit.ts', code, ts.ScriptTarget.ES2022);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        for (const name of bindingNames(declaration.name)) names.add(name);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) names.add(element.name.text);
      }
    }
  }
  return names;
}

/** Where `@sellkit/<name>[/sub]` resolves from source (the `sellkit-source` condition). */
export function sourceEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(join(ROOT, 'packages'))) {
    const manifest = join(ROOT, 'packages', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name: string;
      exports?: Record<string, { 'sellkit-source'?: string } | string>;
    };
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (typeof target === 'string' || !target['sellkit-source']) continue;
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
      entries[specifier] = join(ROOT, 'packages', name, target['sellkit-source']);
    }
  }
  return entries;
}

/** Third-party modules a guide may import, and the package that depends on each. */
export const THIRD_PARTY: Readonly<Record<string, string>> = {
  zod: 'packages/core',
  kysely: 'packages/storage-kysely',
  'better-sqlite3': 'packages/storage-kysely',
};

/** Where a third-party module resolves from the package that depends on it. */
export function thirdPartyEntry(specifier: string): string {
  const owner = THIRD_PARTY[specifier];
  if (!owner) throw new Error(`a guide imports ${specifier}: add it to THIRD_PARTY`);
  return createRequire(join(ROOT, owner, 'package.json')).resolve(specifier);
}

/** The repository's compiler options, with `@sellkit/*` mapped to the sources. */
export function compilerOptions(): ts.CompilerOptions {
  const file = join(ROOT, 'tsconfig.base.json');
  const config = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const paths: Record<string, string[]> = {};
  for (const [specifier, entry] of Object.entries(sourceEntries())) paths[specifier] = [entry];
  for (const [specifier, owner] of Object.entries(THIRD_PARTY)) {
    const types = join(ROOT, owner, 'node_modules/@types', specifier);
    paths[specifier] = [existsSync(types) ? types : join(ROOT, owner, 'node_modules', specifier)];
  }
  return { ...parsed.options, noEmit: true, declaration: false, sourceMap: false, paths };
}
