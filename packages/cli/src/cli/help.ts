import type { CommandGroup, CommandSpec, OptionSpec } from '../commands/command.js';
import { GLOBAL_OPTIONS } from './args.js';

function commandLabel(spec: CommandSpec): string {
  const positionals = spec.positionals.map((positional) =>
    positional.required ? `<${positional.name}>` : `[${positional.name}]`,
  );
  return [...spec.path, ...positionals].join(' ');
}

function optionLabel(name: string, option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '    ';
  const value = option.type === 'string' ? ` <${option.valueName ?? 'value'}>` : '';
  return `${short}--${name}${value}`;
}

function columns(rows: readonly (readonly [string, string])[], indent = 2): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}  ${right}`);
}

const EXIT_CODES = 'Exit codes: 0 success, 1 failure, 2 usage error.';

/** `sellkit --help`. */
export function renderMainHelp(groups: readonly (CommandSpec | CommandGroup)[]): string {
  const rows: [string, string][] = [];
  for (const entry of groups) {
    if ('commands' in entry) {
      for (const spec of entry.commands) rows.push([commandLabel(spec), spec.summary]);
    } else {
      rows.push([commandLabel(entry), entry.summary]);
    }
  }
  return [
    'sellkit: the Sellkit command line (demo tenant, migrations, imports, reports)',
    '',
    'Usage: sellkit <command> [arguments] [options]',
    '',
    'Commands:',
    ...columns(rows),
    '',
    'Options:',
    ...columns([
      ['-h, --help', 'Show help (also after any command: sellkit import --help)'],
      ['    --version', 'Print the version'],
      ['-v, --verbose', GLOBAL_OPTIONS.verbose.description],
    ]),
    '',
    'Databases: --db takes a SQLite file path or a postgres:// URL.',
    'Output: tables on a terminal, aligned text when piped, --json or --csv for machines.',
    EXIT_CODES,
    '',
    'Run "sellkit <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

/** `sellkit import --help`: the commands of a group. */
export function renderGroupHelp(group: CommandGroup): string {
  return [
    `sellkit ${group.name}: ${group.summary}`,
    '',
    `Usage: sellkit ${group.name} <${group.commands.map((spec) => spec.path.at(-1)).join('|')}> [arguments] [options]`,
    '',
    'Commands:',
    ...columns(group.commands.map((spec) => [commandLabel(spec), spec.summary])),
    '',
    `Run "sellkit ${group.name} <command> --help" for the options of a command.`,
    EXIT_CODES,
    '',
  ].join('\n');
}

/** `sellkit <command> --help`. */
export function renderCommandHelp(spec: CommandSpec): string {
  const options = Object.entries({ ...spec.options, ...GLOBAL_OPTIONS }).map(
    ([name, option]) => [optionLabel(name, option), option.description] as [string, string],
  );
  const lines = [
    `sellkit ${spec.path.join(' ')}: ${spec.summary}`,
    '',
    `Usage: sellkit ${commandLabel(spec)}${Object.keys(spec.options).length > 0 ? ' [options]' : ''}`,
  ];
  if (spec.description) lines.push('', ...spec.description.split('\n'));
  if (spec.positionals.length > 0) {
    lines.push(
      '',
      'Arguments:',
      ...columns(
        spec.positionals.map((positional) => [`<${positional.name}>`, positional.description]),
      ),
    );
  }
  lines.push('', 'Options:', ...columns(options));
  if (spec.examples && spec.examples.length > 0) {
    lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  }
  lines.push('', EXIT_CODES, '');
  return lines.join('\n');
}
