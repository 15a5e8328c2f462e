import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { SellkitError } from '@sellkit/core';

/** A path from the command line, resolved against the user's directory. */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * Fails early, before any database is opened, when an input file or directory is missing or
 * unreadable: `NOT_FOUND` with one clear sentence.
 */
export function assertReadable(path: string, kind: 'file' | 'directory'): void {
  let isKind: boolean;
  try {
    const info = statSync(path);
    isKind = kind === 'file' ? info.isFile() : info.isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SellkitError(
      'NOT_FOUND',
      `cannot read ${path}: ${code === 'ENOENT' ? `no such ${kind}` : (error as Error).message}`,
      { path },
      { cause: error },
    );
  }
  if (!isKind) {
    throw new SellkitError('VALIDATION_FAILED', `${path} is not a ${kind}`, { path });
  }
  try {
    accessSync(path, constants.R_OK | (kind === 'directory' ? constants.X_OK : 0));
  } catch (error) {
    throw new SellkitError(
      'NOT_FOUND',
      `cannot read ${path}: permission denied`,
      { path },
      { cause: error },
    );
  }
}
