import type { CliIo } from '../cli/io.js';

/** One option of a command, as `node:util` `parseArgs` understands it, plus help text. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly description: string;
  /** Shown in help after the option name: `--db <file|url>`. */
  readonly valueName?: string;
}

/** One positional argument. */
export interface PositionalSpec {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
}

/** Parsed input of a command: option values by name and positionals by name. */
export interface CommandInput {
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly args: Readonly<Record<string, string | undefined>>;
  readonly io: CliIo;
}

/** A runnable command: `demo`, `migrate`, `import maven-crm`, `report pipeline`... */
export interface CommandSpec {
  /** The words that name it after `sellkit`: `['import', 'maven-crm']`. */
  readonly path: readonly string[];
  readonly summary: string;
  /** A few sentences for `--help`. */
  readonly description?: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples?: readonly string[];
  /** Runs the command; resolves to the exit code. Failures throw. */
  run(input: CommandInput): Promise<number>;
}

/** A group of commands under one word (`import`, `report`). */
export interface CommandGroup {
  readonly name: string;
  readonly summary: string;
  readonly commands: readonly CommandSpec[];
}
