import type { CommandGroup, CommandSpec } from '../commands/command.js';
import { parseCommandLine } from './args.js';
import { EXIT, exitCodeFor, formatError, formatVerbose, usageError } from './errors.js';
import { renderCommandHelp, renderGroupHelp, renderMainHelp } from './help.js';
import type { CliIo } from './io.js';
import { CLI_VERSION } from './version.js';

type Entry = CommandSpec | CommandGroup;

function isGroup(entry: Entry): entry is CommandGroup {
  return 'commands' in entry;
}

function entryName(entry: Entry): string {
  return isGroup(entry) ? entry.name : entry.path[0]!;
}

const HELP = new Set(['--help', '-h', 'help']);

/**
 * Runs a command line over a set of commands and resolves to its exit code: 0 success,
 * 1 failure, 2 usage error. Errors are printed as one line on stderr (`sellkit: <message>`),
 * with the stack and details only under `--verbose`. It never calls `process.exit`.
 *
 * @example
 * ```ts
 * const code = await runCommandLine(['report', 'customers', '--json'], processIo(), COMMANDS);
 * process.exitCode = code; // 0, 1 on failure, 2 on a usage error
 * ```
 */
export async function runCommandLine(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Entry[],
): Promise<number> {
  // `pnpm sellkit -- demo` passes the `--` along; it means nothing here.
  const words = argv[0] === '--' ? argv.slice(1) : argv;
  const verbose = words.includes('--verbose') || words.includes('-v');
  try {
    return await dispatch(words, io, commands);
  } catch (error) {
    io.stderr.write(`${formatError(error)}\n`);
    if (verbose) io.stderr.write(`${formatVerbose(error)}\n`);
    return exitCodeFor(error);
  }
}

async function dispatch(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Entry[],
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(renderMainHelp(commands));
    return EXIT.usage;
  }
  if (HELP.has(first)) {
    const topic = first === 'help' ? rest.filter((word) => !word.startsWith('-')) : [];
    if (topic.length > 0) return dispatch([...topic, '--help'], io, commands);
    io.stdout.write(renderMainHelp(commands));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  if (first.startsWith('-')) {
    throw usageError(`expected a command before ${first}`);
  }
  const entry = commands.find((candidate) => entryName(candidate) === first);
  if (!entry) {
    throw usageError(
      `unknown command "${first}"; commands are ${commands.map(entryName).join(', ')}`,
    );
  }
  let spec: CommandSpec;
  let words: readonly string[];
  if (isGroup(entry)) {
    const [second, ...tail] = rest;
    if (second === undefined || HELP.has(second)) {
      const stream = second === undefined ? io.stderr : io.stdout;
      stream.write(renderGroupHelp(entry));
      return second === undefined ? EXIT.usage : EXIT.ok;
    }
    const sub = entry.commands.find((candidate) => candidate.path.at(-1) === second);
    if (!sub) {
      throw usageError(
        `unknown ${entry.name} command "${second}"; choose ${entry.commands.map((candidate) => candidate.path.at(-1)).join(', ')}`,
        entry.name,
      );
    }
    spec = sub;
    words = tail;
  } else {
    spec = entry;
    words = rest;
  }
  const parsed = parseCommandLine(spec, words);
  if (parsed.options.help) {
    io.stdout.write(renderCommandHelp(spec));
    return EXIT.ok;
  }
  return spec.run({ options: parsed.options, args: parsed.args, io });
}
