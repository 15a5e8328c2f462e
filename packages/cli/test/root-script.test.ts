import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build-cli.js';
import { removeTempDirs, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

function pnpm(args: readonly string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'pnpm',
      ['--dir', REPO_ROOT, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('pnpm sellkit at the repository root (from source, no build)', {
  timeout: 180_000,
}, () => {
  it('passes the arguments through and resolves paths against the caller directory', async () => {
    const cwd = tempDir('root-script');
    const { code, stdout } = await pnpm(['sellkit', 'migrate', '--db', 'here.db'], cwd);
    expect(code).toBe(0);
    expect(stdout).toContain('Migrated here.db');
    expect(existsSync(join(cwd, 'here.db'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'here.db'))).toBe(false);
  });

  it('keeps exit codes: 2 for usage errors', async () => {
    const { code, stderr } = await pnpm(['sellkit', 'migrate', '--nope'], tempDir('root-script'));
    expect(code).toBe(2);
    expect(stderr).toContain("sellkit: Unknown option '--nope'");
  });
});
