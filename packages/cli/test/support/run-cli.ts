import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './build-cli.js';

/** What a run of the built CLI printed and how it exited. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/bin.js ...args` in `cwd` with stdout and stderr captured (so both are pipes,
 * not terminals, as in CI), in a fixed locale (`LANG=en_US.UTF-8`, no `LC_ALL`) so outputs
 * read the same on every machine; `options.env` overrides it.
 */
export function runBuiltCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 240_000,
      },
      (error, stdout, stderr) => {
        const code =
          error === null ? 0 : typeof error.code === 'number' ? error.code : error.killed ? -1 : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const created = new Set<string>();

/** A fresh temporary directory for one test's databases and files (see {@link removeTempDirs}). */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sellkit-cli-${label}-`));
  created.add(dir);
  return dir;
}

/** Removes the directories {@link tempDir} made in this file: `afterAll(removeTempDirs)`. */
export function removeTempDirs(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
}
