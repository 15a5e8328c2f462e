// The entry of the installed `sellkit` bin. Exit codes: 0 ok, 1 failure, 2 usage.
// It imports the CLI through the package's own name, so the published bin is a few lines that
// load `dist/index.js` instead of a second copy of it (tsup.bin.config.ts).
import { exitQuietlyOnClosedPipe, runCli } from '@sellkit/cli';

exitQuietlyOnClosedPipe();
process.exitCode = await runCli(process.argv.slice(2));
