import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInvocation } from '../src/cli/io.js';
import { runCli } from '../src/cli/run-cli.js';
import { memoryIo } from '../src/test-support/memory-io.js';
import { REPO_ROOT } from './support/build-cli.js';
import { removeTempDirs, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

/** The demo's closing hint, which must work when pasted as printed. */
function tryLine(stdout: string): string {
  return stdout.split('\n').find((line) => line.startsWith('Try: ')) ?? '';
}

describe('cliInvocation: the command a user types to run the CLI again', () => {
  const io = memoryIo();
  it.each<[string, Record<string, string>, string]>([
    ['the installed bin', {}, 'sellkit'],
    ['another package script', { npm_lifecycle_event: 'demo' }, 'sellkit'],
    ['a pnpm script named sellkit', { npm_lifecycle_event: 'sellkit' }, 'pnpm sellkit'],
    [
      'an npm script named sellkit',
      { npm_lifecycle_event: 'sellkit', npm_config_user_agent: 'npm/10.8.2 node/v20.20.2' },
      'npm run sellkit --',
    ],
    [
      'a yarn script named sellkit',
      { npm_lifecycle_event: 'sellkit', npm_config_user_agent: 'yarn/1.22.22 npm/? node/v20' },
      'yarn sellkit',
    ],
  ])('%s', (_label, env, expected) => {
    expect(cliInvocation({ ...io, env })).toBe(expected);
  });

  it('an entry point that says how it is run wins', () => {
    expect(cliInvocation({ ...io, env: {}, invokedAs: 'pnpm sellkit' })).toBe('pnpm sellkit');
  });
});

describe('the demo prints a "Try:" line that works as printed', { timeout: 180_000 }, () => {
  const cwd = tempDir('try-line');
  const db = join(cwd, 'demo.db');

  it('says `sellkit ...` for the installed bin', async () => {
    const io = memoryIo({ cwd, env: { NO_COLOR: '1' } });
    expect(await runCli(['demo', '--size', 'tiny', '--db', db, '--quiet'], io)).toBe(0);
    expect(tryLine(io.stdout.text())).toBe(
      ['pipeline', 'customers', 'orders', 'team']
        .map((report) => `sellkit report ${report} --db ${db}`)
        .join('   ·   ')
        .replace(/^/, 'Try: '),
    );
  });

  it('says `pnpm sellkit ...` through the repository root script (source entry)', async () => {
    // The tenant exists now, so this run only prints the summary.
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        'pnpm',
        ['--dir', REPO_ROOT, 'sellkit', 'demo', '--db', db, '--quiet'],
        { cwd, env: { ...process.env, NO_COLOR: '1' } },
        (error, out) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out }),
      );
    });
    expect(code).toBe(0);
    expect(tryLine(stdout)).toBe(
      ['pipeline', 'customers', 'orders', 'team']
        .map((report) => `pnpm sellkit report ${report} --db ${db}`)
        .join('   ·   ')
        .replace(/^/, 'Try: '),
    );
  });
});
