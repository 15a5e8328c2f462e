import { parseArgs } from 'node:util';
import type { CommandSpec } from '../commands/command.js';
import { usageError } from './errors.js';

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h', description: 'Show help for this command.' },
  verbose: {
    type: 'boolean',
    short: 'v',
    description: 'Print the stack trace and error details on failure.',
  },
} as const;

/** What {@link parseCommandLine} found for one command. */
export interface ParsedCommandLine {
  readonly options: Record<string, string | boolean | undefined>;
  readonly args: Record<string, string | undefined>;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // parseArgs explains how to pass values that look like options; that advice is noise here.
  return text.split('. To specify')[0]!.split('\n')[0]!.replace(/\.$/, '');
}

/**
 * Parses a command's arguments with `node:util` `parseArgs` (strict: unknown options and
 * surplus positionals are usage errors, exit code 2).
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedCommandLine {
  const commandName = spec.path.join(' ');
  const config = Object.fromEntries(
    Object.entries({ ...GLOBAL_OPTIONS, ...spec.options }).map(([name, option]) => [
      name,
      { type: option.type, ...(option.short ? { short: option.short } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: config,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(messageOf(error), commandName);
  }
  const options = parsed.values as Record<string, string | boolean | undefined>;
  if (options.help) return { options, args: {} };
  for (const [name, value] of Object.entries(options)) {
    if (typeof value === 'string' && value.trim() === '') {
      throw usageError(`--${name} needs a value`, commandName);
    }
  }
  const positionals = parsed.positionals;
  if (positionals.length > spec.positionals.length) {
    throw usageError(`unexpected argument "${positionals[spec.positionals.length]}"`, commandName);
  }
  const args: Record<string, string | undefined> = {};
  spec.positionals.forEach((positional, index) => {
    const value = positionals[index];
    if (value === undefined && positional.required) {
      throw usageError(`missing <${positional.name}>`, commandName);
    }
    args[positional.name] = value;
  });
  return { options, args };
}
