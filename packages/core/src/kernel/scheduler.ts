import type { Actor } from '../context/context.js';
import { SellkitError } from '../errors/sellkit-error.js';
import type { ScheduledJob } from './definitions.js';
import type { ModuleScope } from './module-scope.js';

/** What one scheduler tick did. */
export interface TickReport {
  readonly jobs: readonly {
    readonly name: string;
    readonly ok: boolean;
    readonly error?: SellkitError | Error;
  }[];
}

/** What {@link SellkitScheduler.tickAll} did: one {@link TickReport} per tenant, in order. */
export interface TickAllReport {
  /** The `now` every tenant was ticked at. */
  readonly now: Date;
  readonly tenants: readonly (TickReport & { readonly tenantId: string })[];
  /** True when every job of every tenant succeeded. */
  readonly ok: boolean;
}

/** Options of {@link SellkitScheduler.tickAll}. */
export interface TickAllOptions {
  /**
   * Who the jobs run as in each tenant. Jobs see what this actor may see, so give it the reach
   * the jobs need (reminders look at every contact and company: an `admin` role).
   */
  readonly actor: Actor;
  /** The time to tick at (default: the instance's clock, read once for all tenants). */
  readonly now?: Date;
}

/** The instance-wide scheduler: `crm.scheduler`. */
export interface SellkitScheduler {
  /**
   * Runs every scheduled job once per tenant, one tenant after the other, all at the same
   * `now`. Jobs are per tenant (`crm.as(ctx).scheduler.tick(now)` ticks one); a host with many
   * tenants calls this from its timer instead. A failing job is reported, never thrown, and
   * does not stop the other jobs or tenants. Bad or duplicate tenant ids are refused before
   * any job runs (`VALIDATION_FAILED`).
   *
   * @example
   * ```ts
   * const actor = { id: 'scheduler', roles: ['admin'] };
   * setInterval(() => void crm.scheduler.tickAll(['acme', 'globex'], { actor }), 3_600_000);
   * ```
   */
  tickAll(tenantIds: readonly string[], options: TickAllOptions): Promise<TickAllReport>;
}

/** Runs `jobs` for one scope, collecting failures instead of throwing. */
export async function runJobs(
  jobs: readonly (readonly [string, ScheduledJob])[],
  scope: ModuleScope,
  now: Date,
): Promise<TickReport> {
  const results: TickReport['jobs'][number][] = [];
  for (const [name, job] of jobs) {
    try {
      await job(scope, now);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({
        name,
        ok: false,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }
  return { jobs: results };
}

/** Builds `crm.scheduler` from a way to open a tenant's scheduler and the instance clock. */
export function createScheduler(
  tick: (tenantId: string, actor: Actor, now: Date) => Promise<TickReport>,
  validate: (tenantId: string, actor: Actor) => void,
  clock: () => Date,
): SellkitScheduler {
  return {
    async tickAll(tenantIds, options) {
      if (options === null || typeof options !== 'object') {
        throw new SellkitError('MISSING_CONTEXT', 'tickAll needs { actor }: who the jobs run as');
      }
      if (!Array.isArray(tenantIds)) {
        throw new SellkitError('VALIDATION_FAILED', 'tenantIds must be a list of tenant ids', {
          issues: [{ path: 'tenantIds', message: 'must be a list', reason: 'invalid_type' }],
        });
      }
      const seen = new Set<string>();
      for (const [index, tenantId] of tenantIds.entries()) {
        if (seen.has(tenantId)) {
          throw new SellkitError('VALIDATION_FAILED', `tenantIds.${index}: listed twice`, {
            issues: [{ path: `tenantIds.${index}`, message: 'listed twice', reason: 'duplicate' }],
          });
        }
        seen.add(tenantId);
        validate(tenantId, options.actor);
      }
      const now = options.now ?? clock();
      const tenants: TickAllReport['tenants'][number][] = [];
      for (const tenantId of tenantIds) {
        tenants.push({ tenantId, ...(await tick(tenantId, options.actor, now)) });
      }
      return {
        now,
        tenants,
        ok: tenants.every((tenant) => tenant.jobs.every((job) => job.ok)),
      };
    },
  };
}
