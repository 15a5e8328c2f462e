import type { OptionSpec } from './command.js';

/** `--db`, `--schema` and `--tenant`: where the data lives and whose it is. */
export const DATABASE_OPTIONS = {
  db: {
    type: 'string',
    valueName: 'file|url',
    description: 'SQLite file (created if missing) or postgres://user@host:port/database URL.',
  },
  schema: {
    type: 'string',
    valueName: 'name',
    description: 'PostgreSQL schema to use (default: the connection default, usually public).',
  },
  tenant: {
    type: 'string',
    valueName: 'id',
    description: `Tenant to work in (default: ${'default'}).`,
  },
} as const satisfies Record<string, OptionSpec>;

/** `--json` and `--csv`. */
export const FORMAT_OPTIONS = {
  json: { type: 'boolean', description: 'Print JSON (exact decimal strings for amounts).' },
  csv: { type: 'boolean', description: 'Print CSV.' },
} as const satisfies Record<string, OptionSpec>;

/** `--locale`: how people's tables format money, dates and numbers, and their language. */
export const LOCALE_OPTION = {
  locale: {
    type: 'string',
    valueName: 'tag',
    description: 'Locale of the tables: zh-CN, en-US... (default: LC_ALL/LANG, else en-US).',
  },
} as const satisfies Record<string, OptionSpec>;

/** `--time-zone`: the tenant's calendar (its "today", months and report periods). */
export const TIME_ZONE_OPTION = {
  'time-zone': {
    type: 'string',
    valueName: 'iana',
    description:
      "The tenant's IANA time zone, e.g. Asia/Shanghai; remembered for the tenant (default: the remembered one, else UTC; the zh-CN demo: Asia/Shanghai).",
  },
} as const satisfies Record<string, OptionSpec>;

/** `--quiet`: no progress bar. */
export const QUIET_OPTION = {
  quiet: { type: 'boolean', short: 'q', description: 'No progress bar on stderr.' },
} as const satisfies Record<string, OptionSpec>;

/** The tenant commands work in when `--tenant` is not given; `sellkit demo` fills this one too. */
export const DEFAULT_TENANT = 'default';

/** The string value of an option, or undefined. */
export function stringOption(
  options: Readonly<Record<string, string | boolean | undefined>>,
  name: string,
): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}
