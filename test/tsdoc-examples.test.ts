import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every ```ts block under an `@example` tag in packages/*/src (tests and test support aside) is
// type-checked against the real API, all in one TypeScript program (tsconfig.base.json's
// options, `@sellkit/*` resolved to sources): each example becomes a virtual module that
// imports its package's public exports, then what its own file exports (for examples on
// internal helpers), then whatever the example imports itself, and runs inside its own async
// function, so `await`, local names and `export` work as written. A few free names (`crm`,
// `rep`, `storage`, ...) are declared in a prelude so examples need not set up a whole tenant.
// Then every exported function or factory (anything callable but a class) of every entry point
// must carry such an example: a new export without one fails here, by name.

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const packagesDir = join(root, 'packages');

/** Entry points: module specifier → source file. */
const ENTRIES: Record<string, string> = {};
for (const name of readdirSync(packagesDir)) {
  const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8')) as {
    name: string;
    exports?: Record<string, string | Record<string, string>>;
  };
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const source = typeof target === 'object' ? target['sellkit-source'] : undefined;
    if (!source) continue;
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`;
    ENTRIES[specifier] = join(packagesDir, name, source);
  }
}

/**
 * The names examples may use without defining them: a Sellkit with every module (`crm`), views
 * of one tenant as an admin, a manager or a rep, a module's scope, tenant storage, a context, an
 * id, a scoring registry and rule set. Anything else an example uses, it defines or imports.
 */
const PRELUDE = `
type Crm = import('@sellkit/cli').CliSellkit;
type Scoped = ReturnType<Crm['as']>;
declare const crm: Crm;
declare const admin: Scoped;
declare const manager: Scoped;
declare const rep: Scoped;
declare const scope: import('@sellkit/core').ModuleScope;
declare const storage: import('@sellkit/core').TenantStorage;
declare const adapter: import('@sellkit/core').StorageAdapter;
declare const ctx: import('@sellkit/core').SellkitContext;
declare const id: string;
declare const registry: import('@sellkit/core').ScoringRegistry;
declare const ruleSet: import('@sellkit/core').RuleSet;
`;

interface Example {
  file: string;
  line: number;
  owner: string;
  code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    const isSource = entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts');
    const isTest = /\.(test|suite)\.ts$/.test(entry.name);
    return isSource && !isTest ? [path] : [];
  });
}

/** The ```ts blocks of every `@example` tag in a file's doc comments. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const found: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const start = comment.index ?? 0;
    const lines = comment[0].split('\n').map((line) => line.replace(/^\s*\/?\*+\/?\s?/, ''));
    const after = text.slice(start + comment[0].length).match(/[A-Za-z_$][\w$]*(?=\s*[(<:=?])/);
    const owner = after?.[0] ?? '(unknown)';
    const firstLine = text.slice(0, start).split('\n').length;
    let inExample = false;
    let fence: { line: number; code: string[] } | undefined;
    lines.forEach((line, index) => {
      if (fence) {
        if (/^\s*```\s*$/.test(line)) {
          found.push({ file, line: fence.line, owner, code: fence.code.join('\n') });
          fence = undefined;
        } else fence.code.push(line);
        return;
      }
      if (/^\s*@\w+/.test(line)) inExample = /^\s*@example\b/.test(line);
      if (inExample && /^\s*```ts\s*$/.test(line)) fence = { line: firstLine + index, code: [] };
    });
  }
  return found;
}

const examples = readdirSync(packagesDir).flatMap((name) =>
  sourceFiles(join(packagesDir, name, 'src')).flatMap(examplesOf),
);

const base = ts.parseJsonConfigFileContent(
  JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')),
  ts.sys,
  root,
);
const options: ts.CompilerOptions = {
  ...base.options,
  customConditions: ['sellkit-source'],
  noEmit: true,
  declaration: false,
  sourceMap: false,
};

/**
 * Which entries a source file's examples import: its package's, and first the subpath entry in
 * a folder of its own that holds the file (core's testing files import `@sellkit/core/testing`
 * first). Entries beside the root one (`@sellkit/core/module`, `/driver`) re-export root names,
 * so they are imported after it.
 */
function entriesFor(file: string): string[] {
  const pkg = relative(packagesDir, file).split('/')[0] ?? '';
  const own = Object.entries(ENTRIES)
    .filter(([, entry]) => relative(packagesDir, entry).split('/')[0] === pkg)
    .sort(([a], [b]) => a.length - b.length);
  const rootDir = dirname(own[0]?.[1] ?? '');
  const sub = own.find(
    ([, entry]) => dirname(entry) !== rootDir && file.startsWith(`${dirname(entry)}/`),
  );
  return (sub ? [sub, ...own.filter((e) => e !== sub)] : own).map(([specifier]) => specifier);
}

/** Names a module exports, split into values and type-only exports. */
function exportsOf(program: ts.Program, file: string) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const values: string[] = [];
  const types: string[] = [];
  for (const symbol of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
    const typeOnlyExport = (symbol.declarations ?? []).some(
      (declaration) =>
        ts.isExportSpecifier(declaration) &&
        (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly),
    );
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
    (typeOnlyExport || !isValue ? types : values).push(symbol.name);
  }
  return { values, types };
}

/** Exported functions and factories (anything callable but a class) without a ```ts example. */
function missingExamples(program: ts.Program): { checked: number; missing: string[] } {
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  let checked = 0;
  for (const [specifier, entry] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) continue;
      const declarations = symbol.declarations ?? [];
      const callable = checker.getTypeOfSymbol(symbol).getCallSignatures().length > 0;
      if (!callable) continue;
      checked += 1;
      const documented = declarations.some((declaration) =>
        ts.getJSDocTags(declaration).some((tag) => {
          const comment = ts.getTextOfJSDocComment(tag.comment) ?? '';
          return tag.tagName.text === 'example' && comment.includes('```ts');
        }),
      );
      if (!documented) missing.push(`${specifier}: ${exported.name}`);
    }
  }
  return { checked, missing };
}

describe('TSDoc @example blocks', () => {
  const virtualDir = join(packagesDir, 'cli', 'src', '__tsdoc_examples__');
  const virtual = new Map<string, string>();
  virtual.set(join(virtualDir, 'prelude.d.ts'), PRELUDE);

  // First pass: a program over the entry points, to learn what each one exports.
  const host = ts.createCompilerHost(options);
  const exampleFiles = [...new Set(examples.map((example) => example.file))];
  const entryProgram = ts.createProgram(
    [...Object.values(ENTRIES), ...exampleFiles],
    options,
    host,
  );
  const names = new Map(
    Object.entries(ENTRIES).map(([specifier, entry]) => [
      specifier,
      exportsOf(entryProgram, entry),
    ]),
  );

  const origin = new Map<string, Example>();
  examples.forEach((example, index) => {
    const own = example.code.split('\n');
    const imports = own.filter((line) => /^\s*import\s/.test(line));
    // `export` has no meaning inside the function scope: an example may show it all the same.
    const body = own
      .filter((line) => !/^\s*import\s/.test(line))
      .map((line) => line.replace(/^export\s+/, ''));
    const taken = new Set(
      imports.flatMap((line) =>
        [...(line.match(/\{([^}]*)\}/)?.[1] ?? '').split(',')].map((name) =>
          name
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)
            .pop()
            ?.trim(),
        ),
      ),
    );
    const header: string[] = [];
    // The package's public exports first; then, for examples on internal helpers, what the
    // example's own file exports.
    const ownFile = relative(virtualDir, example.file).replace(/\.ts$/, '.js');
    const modules = entriesFor(example.file).map((specifier) => ({
      specifier,
      exported: names.get(specifier),
    }));
    modules.push({ specifier: ownFile, exported: exportsOf(entryProgram, example.file) });
    for (const { specifier, exported } of modules) {
      if (!exported) continue;
      const values = exported.values.filter((name) => !taken.has(name));
      const types = exported.types.filter((name) => !taken.has(name));
      for (const name of [...values, ...types]) taken.add(name);
      if (values.length) header.push(`import { ${values.join(', ')} } from '${specifier}';`);
      if (types.length) header.push(`import type { ${types.join(', ')} } from '${specifier}';`);
    }
    const file = join(virtualDir, `example-${index}.ts`);
    const code = [...header, ...imports, 'export async function example() {', ...body, '}', ''];
    virtual.set(file, code.join('\n'));
    origin.set(file, example);
  });

  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (file) => virtual.get(file) ?? read(file);
  host.fileExists = (file) => virtual.has(file) || exists(file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = virtual.get(file);
    return text === undefined
      ? getSource(file, language, onError, create)
      : ts.createSourceFile(file, text, language, true);
  };
  // An example resolves imports as a user of any Sellkit package would (from the CLI, which
  // depends on them all), then as its own package does (core's examples may import zod).
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) =>
    literals.map((literal) => {
      const resolve = (from: string) =>
        ts.resolveModuleName(literal.text, from, compilerOptions, host, cache, redirected);
      const first = resolve(containingFile);
      const own = origin.get(containingFile)?.file;
      return first.resolvedModule || !own ? first : resolve(own);
    });
  const program = ts.createProgram([...virtual.keys()], options, host, entryProgram);

  it('type-check against the real API', () => {
    const failures: string[] = [];
    for (const [file, example] of origin) {
      const source = program.getSourceFile(file);
      if (!source) continue;
      const header = (virtual.get(file) ?? '')
        .split('\n')
        .indexOf('export async function example() {');
      const diagnostics = [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ];
      for (const diagnostic of diagnostics) {
        const at = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        const where = at > header ? example.line + at - header : example.line;
        failures.push(
          `${relative(root, example.file)}:${where} (${example.owner}): ${message}\n    ${source.text.split('\n')[at]?.trim()}`,
        );
      }
    }
    console.log(
      `type-checked ${origin.size} @example blocks from ${new Set(examples.map((e) => e.file)).size} source files`,
    );
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('exist on every exported function and factory', () => {
    const { checked, missing } = missingExamples(entryProgram);
    console.log(
      `${checked} exported functions and factories, ${missing.length} without an example`,
    );
    expect(missing, `exported without a \`\`\`ts @example:\n${missing.join('\n')}`).toEqual([]);
  });
});
