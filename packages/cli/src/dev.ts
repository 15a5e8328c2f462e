import { exitQuietlyOnClosedPipe, processIo } from './cli/io.js';
import { runCli } from './cli/run-cli.js';

// The entry behind `pnpm sellkit` at the repository root. pnpm runs root scripts in the
// repository root; INIT_CWD is the directory the user typed the command in, so relative paths
// (`sellkit-demo.db`, CSV files) land where the user expects.
const cwd = process.env.INIT_CWD ?? process.cwd();
process.chdir(cwd);
exitQuietlyOnClosedPipe();
// Hints the CLI prints (the demo's "Try:" line) must work as typed: here that is `pnpm sellkit`.
process.exitCode = await runCli(process.argv.slice(2), {
  ...processIo(cwd),
  invokedAs: 'pnpm sellkit',
});
