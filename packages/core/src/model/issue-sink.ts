import { z } from 'zod';

/** What a field check reports problems to: a zod refinement context, or a plain collector. */
export interface IssueSink {
  addIssue(issue: {
    code: 'custom';
    message: string;
    params: { reason: string };
    path?: (string | number)[];
  }): void;
}
/** Short name used by the field checks. */
export type Ctx = IssueSink;

/** Reports a problem to the sink; returns z.NEVER so checks can `return fail(...)`. */
export function fail(ctx: Ctx, reason: string, message: string, path?: (string | number)[]): never {
  ctx.addIssue({ code: 'custom', message, params: { reason }, ...(path ? { path } : {}) });
  return z.NEVER as never;
}

/** `null`, `array`, `Date` or the `typeof` of a value, for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'Date';
  return typeof value;
}
