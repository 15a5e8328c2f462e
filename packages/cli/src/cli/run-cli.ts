import { COMMANDS } from '../commands/registry.js';
import { type CliIo, processIo } from './io.js';
import { runCommandLine } from './run-command-line.js';

/**
 * Runs the `sellkit` command line and resolves to its exit code: 0 success, 1 failure,
 * 2 usage error. Errors are printed as one line on stderr (`sellkit: <message>`), with the
 * stack and details only under `--verbose`. It never calls `process.exit`, so tests and hosts
 * can run it in-process.
 *
 * @example
 * ```ts
 * const code = await runCli(['report', 'pipeline', '--db', 'crm.db', '--json']);
 * process.exitCode = code;
 * ```
 */
export function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  return runCommandLine(argv, io, COMMANDS);
}
