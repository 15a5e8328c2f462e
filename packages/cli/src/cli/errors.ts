import { isSellkitError, SellkitError } from '@sellkit/core';

/** Exit codes of the `sellkit` command. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * A usage error: the command line itself is wrong (unknown command or option, missing
 * argument). It exits with code 2 and points at `--help`.
 *
 * @example
 * ```ts
 * throw usageError('import needs a source: maven-crm, companies or contacts', 'import');
 * ```
 */
export function usageError(message: string, command?: string): SellkitError {
  return new SellkitError('VALIDATION_FAILED', message, {
    usage: true,
    ...(command ? { command } : {}),
  });
}

/**
 * True for errors made by {@link usageError}.
 *
 * @example
 * ```ts
 * import { SellkitError } from '@sellkit/core';
 * isUsageError(usageError('missing --db')); // true: exits with EXIT.usage (2)
 * isUsageError(new SellkitError('NOT_FOUND', 'no such company')); // false
 * ```
 */
export function isUsageError(error: unknown): boolean {
  return isSellkitError(error) && error.details.usage === true;
}

/** The exit code an error ends the process with. */
export function exitCodeFor(error: unknown): number {
  return isUsageError(error) ? EXIT.usage : EXIT.failure;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The single line printed on stderr for an error: `sellkit: <message>`, with the first field
 * issue when the message alone would not say which field, and a hint to `--help` on usage
 * errors. Never a stack trace: that is `--verbose`'s job.
 *
 * @example
 * ```ts
 * formatError(usageError('unknown command "deploy"')); // 'sellkit: unknown command "deploy" (see sellkit --help)'
 * formatError(new Error('disk full')); // 'sellkit: disk full'
 * ```
 */
export function formatError(error: unknown): string {
  if (isSellkitError(error)) {
    let message = oneLine(error.message);
    const issues = error.details.issues;
    if (Array.isArray(issues) && issues.length > 0) {
      const first = issues[0] as { path?: unknown; message?: unknown };
      const path = typeof first.path === 'string' ? first.path : '';
      const detail = typeof first.message === 'string' ? first.message : '';
      const field = path.split('.').at(-1) ?? '';
      const named = field !== '' && message.includes(field);
      if (detail && !message.includes(detail) && !named) {
        message += ` (${path ? `${path}: ` : ''}${detail}${issues.length > 1 ? `; and ${issues.length - 1} more` : ''})`;
      }
    }
    if (isUsageError(error)) {
      const command = typeof error.details.command === 'string' ? ` ${error.details.command}` : '';
      message += ` (see sellkit${command} --help)`;
    }
    return `sellkit: ${message}`;
  }
  if (error instanceof Error) return `sellkit: ${oneLine(error.message || error.name)}`;
  return `sellkit: ${oneLine(String(error))}`;
}

/** The full story for `--verbose`: stack, code, details and the chain of causes. */
export function formatVerbose(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  let depth = 0;
  while (current !== undefined && current !== null && depth < 8) {
    const prefix = depth === 0 ? '' : 'caused by: ';
    if (current instanceof Error) {
      lines.push(prefix + (current.stack ?? `${current.name}: ${current.message}`));
      if (isSellkitError(current)) {
        lines.push(`  code: ${current.code}`);
        if (Object.keys(current.details).length > 0)
          lines.push(`  details: ${safeJson(current.details)}`);
      }
      current = current.cause;
    } else {
      lines.push(prefix + String(current));
      current = undefined;
    }
    depth += 1;
  }
  return lines.join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item) =>
      typeof item === 'bigint' ? item.toString() : item,
    );
  } catch {
    return String(value);
  }
}
