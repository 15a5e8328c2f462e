import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CLI package directory and the repository root. */
export const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_ROOT = join(CLI_DIR, '..', '..');
/**
 * The bin the tests run, as a host would: the published entry with Sellkit's packages bundled
 * from source (`testBinOptions` in tsup.bin.config.ts), so no package needs building first.
 */
export const BIN = join(CLI_DIR, '.test-bin', 'bin.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(BIN)) return true;
  const built = statSync(BIN).mtimeMs;
  const packages = join(REPO_ROOT, 'packages');
  const sources = readdirSync(packages)
    .map((name) => join(packages, name, 'src'))
    .filter((dir) => existsSync(dir));
  const newest = Math.max(
    statSync(join(CLI_DIR, 'tsup.bin.config.ts')).mtimeMs,
    ...sources.map(newestSource),
  );
  return newest > built;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds `.test-bin/bin.js` with tsup when it is missing or older than any source it bundles.
 * Test files run in parallel workers, so a lock directory makes one of them build while the
 * others wait for it.
 */
export async function ensureBuiltCli(): Promise<string> {
  const lock = join(CLI_DIR, '.test-bin', '.build-lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; waited < 240; waited++) {
    if (!isStale()) return BIN;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker builds; a lock older than two minutes is a leftover of a killed run.
      if (Date.now() - statSync(lock).mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (isStale()) {
        await run(
          process.execPath,
          [
            join(REPO_ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js'),
            '--config',
            'tsup.bin.config.ts',
          ],
          {
            cwd: CLI_DIR,
            env: { ...process.env, NODE_ENV: 'production', SELLKIT_TEST_BIN: '1' },
          },
        );
      }
      return BIN;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new Error('timed out waiting for another worker to build the CLI');
}
