import { exitQuietlyOnClosedPipe } from './cli/io.js';
import { runCli } from './cli/run-cli.js';

// The entry of the installed `sellkit` bin. Exit codes: 0 ok, 1 failure, 2 usage.
exitQuietlyOnClosedPipe();
process.exitCode = await runCli(process.argv.slice(2));
