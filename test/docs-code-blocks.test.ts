import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  compilerOptions,
  type DocUnit,
  declaredNames,
  docFiles,
  preludeExports,
  preludeOf,
  ROOT,
  readBlocks,
  sourceEntries,
  thirdPartyEntry,
  unitsOf,
} from './support/doc-blocks.js';

// Every ```ts block of README.md and docs/*.md, type-checked in one program and executed where
// self-contained. The convention is described in docs/README.md and test/support/doc-blocks.ts.

const GENERATED = join(ROOT, 'test/.generated/doctest');

interface Module {
  readonly unit: DocUnit;
  readonly file: string;
  /** The module text: injected prelude imports, then the blocks. */
  readonly text: string;
  /** Module line (0-based) where each block starts, in order. */
  readonly starts: readonly number[];
  readonly injected: ReadonlySet<string>;
  /** Lines taken by the injected imports. */
  readonly header: number;
}

const counts = { ts: 0, other: 0, skipped: 0, checked: 0, executed: 0, withPrelude: 0 };
const modules: Module[] = [];
const preludes: string[] = [];
let program: ts.Program;

function buildModules(): void {
  for (const doc of docFiles()) {
    const { ts: blocks, other } = readBlocks(doc);
    counts.ts += blocks.length;
    counts.other += other;
    counts.skipped += blocks.filter((block) => block.directives.has('skip')).length;
    const prelude = preludeOf(doc);
    if (prelude) preludes.push(prelude);
    const exported = prelude ? preludeExports(prelude) : { values: [], types: [] };
    for (const unit of unitsOf(blocks)) {
      counts.checked += unit.blocks.length;
      const body = unit.blocks.map((block) => block.code);
      const declared = declaredNames(body.join('\n'));
      const values = exported.values.filter((name) => !declared.has(name));
      const types = exported.types.filter((name) => !declared.has(name));
      const from = prelude?.replace(/\.ts$/, '');
      const header = [
        ...(values.length ? [`import { ${values.join(', ')} } from '${from}';`] : []),
        ...(types.length ? [`import type { ${types.join(', ')} } from '${from}';`] : []),
      ];
      const starts: number[] = [];
      let line = header.length;
      for (const code of body) {
        starts.push(line);
        line += code.split('\n').length;
      }
      const slug = `${basename(unit.doc, '.md')}-${unit.blocks[0]?.line}`;
      modules.push({
        unit,
        file: join(GENERATED, `${slug}.ts`),
        text: `${[...header, ...body].join('\n')}\nexport {};\n`,
        starts,
        injected: new Set([...values, ...types]),
        header: header.length,
      });
    }
  }
}

function createProgram(): ts.Program {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const virtual = new Map(modules.map((module) => [module.file, module.text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, fresh) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile(name, language, onError, fresh)
      : ts.createSourceFile(name, text, language, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  return ts.createProgram([...virtual.keys(), ...preludes], options, host);
}

/** `docs/x.md:123` for a position in a module. */
function docLocation(module: Module, moduleLine: number): string {
  let index = module.starts.length - 1;
  while (index > 0 && (module.starts[index] ?? 0) > moduleLine) index -= 1;
  const block = module.unit.blocks[index];
  const offset = moduleLine - (module.starts[index] ?? 0);
  return block ? `${block.doc}:${block.line + Math.max(0, offset)}` : module.unit.id;
}

function describeDiagnostic(diagnostic: ts.Diagnostic, module?: Module): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const where = module ? docLocation(module, line) : `${diagnostic.file.fileName}:${line + 1}`;
  return `${where}: ${text}`;
}

/** True when the module reads a name injected from the doc's prelude. */
function usesPrelude(module: Module, checker: ts.TypeChecker, source: ts.SourceFile): boolean {
  if (module.injected.size === 0) return false;
  const imports = source.statements.slice(0, module.header);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && module.injected.has(node.text)) {
      const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
      if (declarations.some((declaration) => imports.some((item) => contains(item, declaration))))
        found = true;
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements.slice(module.header)) visit(statement);
  return found;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return (
    inner.getSourceFile() === outer.getSourceFile() &&
    inner.pos >= outer.pos &&
    inner.end <= outer.end
  );
}

/** The module as a file Vitest can import: `@sellkit/*` and third parties resolved. */
function executable(module: Module): string {
  const entries = sourceEntries();
  const body = module.text
    .split('\n')
    .slice(module.header)
    .join('\n')
    .replace(/from '(@sellkit\/[^']+)'/g, (_all, specifier: string) => {
      const entry = entries[specifier];
      if (!entry) throw new Error(`${module.unit.id}: unknown package ${specifier}`);
      return `from '${entry}'`;
    })
    .replace(
      /from '([^.@/][^':]*)'/g,
      (_all, specifier: string) => `from '${thirdPartyEntry(specifier)}'`,
    );
  const file = module.file.replace(/\.ts$/, `.run-${process.pid}.ts`);
  writeFileSync(file, body);
  return file;
}

const runnable: Module[] = [];
const executed: string[] = [];

describe('the guides’ code blocks', () => {
  beforeAll(() => {
    buildModules();
    mkdirSync(GENERATED, { recursive: true });
    program = createProgram();
  });

  afterAll(() => {
    rmSync(GENERATED, { recursive: true, force: true });
    console.info(
      `doc blocks: ${counts.ts} \`\`\`ts blocks in README.md and docs/*.md: ${counts.checked} type-checked ` +
        `(${modules.length} modules), ${counts.executed} executed, ${counts.skipped} skipped; ` +
        `${counts.other} other fenced blocks (sh, json, text) not checked\n` +
        `executed: ${executed.join(', ')}`,
    );
  });

  it('type-check with the repository’s compiler options (one program)', () => {
    const checker = program.getTypeChecker();
    const problems: string[] = [];
    for (const prelude of preludes) {
      const source = program.getSourceFile(prelude);
      if (!source) throw new Error(`prelude ${prelude} not in the program`);
      for (const diagnostic of [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ]) {
        problems.push(describeDiagnostic(diagnostic));
      }
    }
    for (const module of modules) {
      const source = program.getSourceFile(module.file);
      if (!source) throw new Error(`${module.unit.id} not in the program`);
      for (const diagnostic of [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ]) {
        problems.push(describeDiagnostic(diagnostic, module));
      }
      if (!module.unit.noRun && !usesPrelude(module, checker, source)) runnable.push(module);
    }
    expect(problems.join('\n')).toBe('');
  });

  it('run where self-contained (memory, or SQLite in a scratch directory)', async () => {
    const failures: string[] = [];
    const cwd = process.cwd();
    const silence = ['log', 'info', 'error'] as const;
    for (const module of runnable) {
      const scratch = mkdtempSync(join(tmpdir(), 'sellkit-doctest-'));
      symlinkSync(join(ROOT, 'examples'), join(scratch, 'examples'));
      const spies = [
        ...silence.map((name) => vi.spyOn(console, name).mockImplementation(() => {})),
        vi.spyOn(process.stdout, 'write').mockImplementation(() => true),
      ];
      try {
        process.chdir(scratch);
        await Promise.race([
          import(/* @vite-ignore */ executable(module)),
          new Promise((_resolve, reject) =>
            setTimeout(() => reject(new Error('still running after 20 s')), 20_000).unref(),
          ),
        ]);
        counts.executed += module.unit.blocks.length;
        executed.push(`${module.unit.id} (${module.unit.blocks.length})`);
      } catch (error) {
        failures.push(
          `${module.unit.id}: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        process.chdir(cwd);
        for (const spy of spies) spy.mockRestore();
        rmSync(scratch, { recursive: true, force: true });
      }
    }
    expect(failures.join('\n')).toBe('');
    expect(runnable.length).toBeGreaterThan(0);
  }, 60_000);
});
