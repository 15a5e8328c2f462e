/** A stream the CLI writes to: process.stdout, process.stderr, or a test double. */
export interface OutputStream {
  write(text: string): unknown;
  /** True when a person is watching (a terminal), so tables and redrawn progress make sense. */
  readonly isTTY?: boolean;
  /** Terminal width, when known. */
  readonly columns?: number;
}

/**
 * Everything the CLI touches in the outside world, so commands run the same in a process and
 * in a test: where to write, which directory relative paths are relative to, the environment.
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The directory relative paths (`--db`, CSV files) resolve against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * How the user starts this CLI, for commands printed back to them (`pnpm sellkit` from the
   * repository's source entry); when left out, {@link cliInvocation} works it out.
   */
  readonly invokedAs?: string;
}

/**
 * The command a user types to run the CLI again, so hints such as the demo's closing "Try:"
 * line work as printed: `io.invokedAs` when an entry point says (the repository's dev entry
 * behind `pnpm sellkit`), else the package manager's script when the CLI runs under a package
 * script named `sellkit` (`pnpm sellkit`, `npm run sellkit --`, `yarn sellkit`), else the
 * installed bin, `sellkit`.
 *
 * @example
 * ```ts
 * const io = processIo();
 * cliInvocation({ ...io, env: { npm_lifecycle_event: 'sellkit' } }); // 'pnpm sellkit'
 * cliInvocation({ ...io, env: {} });                                  // 'sellkit'
 * ```
 */
export function cliInvocation(io: CliIo): string {
  if (io.invokedAs) return io.invokedAs;
  if (io.env.npm_lifecycle_event !== 'sellkit') return 'sellkit';
  const agent = io.env.npm_config_user_agent ?? '';
  if (agent.startsWith('npm/')) return 'npm run sellkit --';
  if (agent.startsWith('yarn/')) return 'yarn sellkit';
  return 'pnpm sellkit';
}

/**
 * The real process's streams, directory and environment.
 *
 * @example
 * ```ts
 * const code = await runCli(['migrate', '--db', 'crm.db'], processIo('/srv/crm'));
 * ```
 */
export function processIo(cwd: string = process.cwd()): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd, env: process.env };
}

/** True when colours may be used on this stream (a terminal, and NO_COLOR not set). */
export function useColor(io: CliIo, stream: OutputStream): boolean {
  return stream.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/**
 * Makes a closed pipe on stdout (`sellkit report ... | head`) end the process quietly, as Unix
 * tools do, instead of crashing with a stack trace.
 *
 * @example
 * ```ts
 * // In a bin script, before anything is written:
 * exitQuietlyOnClosedPipe();
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 * ```
 */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`sellkit: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
}
