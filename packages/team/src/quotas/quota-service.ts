import {
  type EventMap,
  isSellkitError,
  type ModuleScope,
  SellkitError,
  toDecimal,
  validationError,
} from '@sellkit/core';
import { teamDirectory } from '../directory/team-directory.js';
import type { TeamEvents } from '../events.js';
import { toDate } from '../shared/dates.js';
import { optionsOf } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
import { loadAll } from '../shared/load-all.js';
import { allocateExact } from './allocate.js';
import { type ResolvedPerformanceOptions, requireMeasure } from './measures.js';
import { periodBounds } from './period-keys.js';
import {
  type CheckedQuota,
  checkQuotaInput,
  checkSubject,
  type QuotaInput,
  targetScale,
} from './quota-input.js';
import {
  type QuotaTarget,
  type QuotaTargetQuery,
  quotaTarget,
  versionInForce,
} from './quota-lookup.js';
import { type Quota, type QuotaSubjectType, quota } from './quota-model.js';

/** Which quota: subject, measure and period. */
export interface QuotaKey {
  readonly subjectType: QuotaSubjectType;
  readonly subjectId: string;
  readonly measure: string;
  readonly periodKey: string;
}

/** Options of {@link QuotaService.rollUp} and {@link QuotaService.splitDown}. */
export interface TeamQuotaOptions {
  /** The first day the written versions are in force (default today). */
  effectiveFrom?: string | Date;
  /** Split down: each member's weight by rep id (default equal shares). */
  weights?: Readonly<Record<string, string | number>>;
}

/** Quotas (`crm.as(ctx).team.quotas`): effective-dated, versioned, audited targets. */
export interface QuotaService {
  /**
   * Sets a quota: writes a new version that supersedes the one before from `effectiveFrom`
   * (history is kept) and emits `quota.set`. Bad input is `VALIDATION_FAILED`, nothing written.
   *
   * @example
   * ```ts
   * await admin.team.quotas.set({
   *   subjectType: 'rep', subjectId: 'rep_ana', measure: 'won-revenue',
   *   periodKey: '2026-Q1', target: '30000', currency: 'EUR', ramp: ['50', '75'],
   * });
   * ```
   */
  set(input: QuotaInput): Promise<Quota>;
  /**
   * Sets many quotas at once (a demo or an import): every input is checked first, then all are
   * written in one transaction, in order; one bad input is `VALIDATION_FAILED` naming its index
   * (`3.target`) and nothing is written.
   *
   * @example
   * ```ts
   * await admin.team.quotas.setMany(
   *   ['2026-Q1', '2026-Q2'].map((periodKey) => ({
   *     subjectType: 'rep' as const, subjectId: 'rep_ana', measure: 'won-deals', periodKey, target: 12,
   *   })),
   * );
   * ```
   */
  setMany(inputs: readonly QuotaInput[]): Promise<Quota[]>;
  /**
   * Every version of one quota, oldest first.
   *
   * @example
   * ```ts
   * const versions = await admin.team.quotas.history({ subjectType: 'rep', subjectId: 'rep_ana', measure: 'won-deals', periodKey: '2026-03' });
   * ```
   */
  history(key: QuotaKey): Promise<Quota[]>;
  /**
   * The target in force (ramp applied), or null.
   *
   * @example
   * ```ts
   * const found = await admin.team.quotas.target({ subjectType: 'team', subjectId: 'team_west', measure: 'won-revenue', periodKey: 'FY2026' });
   * ```
   */
  target(query: QuotaTargetQuery): Promise<QuotaTarget | null>;
  /**
   * Sets a team's quota to the sum of its members' quotas in force (members on the period's
   * first day, ramps applied).
   *
   * @example
   * ```ts
   * const teamQuota = await admin.team.quotas.rollUp('team_west', 'won-revenue', '2026-Q1');
   * ```
   */
  rollUp(
    teamId: string,
    measure: string,
    periodKey: string,
    options?: TeamQuotaOptions,
  ): Promise<Quota>;
  /**
   * Splits a team's quota in force down to its members (members on the period's first day),
   * equally or by weight, exactly: the parts sum to the team's target, no cent lost.
   *
   * @example
   * ```ts
   * const repQuotas = await admin.team.quotas.splitDown('team_west', 'won-revenue', '2026-Q1', {
   *   weights: { rep_ana: '2', rep_bob: '1' },
   * });
   * ```
   */
  splitDown(
    teamId: string,
    measure: string,
    periodKey: string,
    options?: TeamQuotaOptions,
  ): Promise<Quota[]>;
}

/** Builds the quota service of one scope. */
export function createQuotaService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedPerformanceOptions,
): QuotaService {
  const quotas = scope.model(quota.name) as typeof quota;

  async function versionsOf<E extends EventMap>(
    tx: ModuleScope<E>,
    key: QuotaKey,
  ): Promise<Quota[]> {
    // internal: versions are read whatever the actor's reach; access was checked by the caller
    return loadAll(
      tx.internal(quotas),
      {
        subjectType: key.subjectType,
        subjectId: key.subjectId,
        measure: key.measure,
        periodKey: key.periodKey,
      },
      [{ field: 'revision' }],
    );
  }

  async function write(
    tx: ModuleScope<TeamEvents>,
    checked: CheckedQuota,
    source: Quota['source'],
  ): Promise<Quota> {
    const key = {
      subjectType: checked.subjectType,
      subjectId: checked.subjectId,
      measure: checked.measure.id,
      periodKey: checked.bounds.key,
    };
    await claimGuard(
      tx,
      `quota:${key.subjectType}:${key.subjectId}:${key.measure}:${key.periodKey}`,
    );
    const versions = await versionsOf(tx, key);
    const previous = versionInForce(versions, checked.effectiveFrom);
    const created = await tx.records(quotas).create({
      ...key,
      target: checked.target,
      currency: checked.currency,
      ramp: checked.ramp,
      effectiveFrom: checked.effectiveFrom,
      revision: versions.length + 1,
      source,
      note: checked.note,
    });
    await tx.emit('quota.set', { quota: created, previousQuotaId: previous?.id ?? null });
    return created;
  }

  async function teamContext(
    teamId: string,
    measure: string,
    periodKey: string,
    given?: TeamQuotaOptions,
  ) {
    const opts = optionsOf(given, 'options');
    const found = requireMeasure(options, measure);
    const bounds = periodBounds(await scope.calendar(), periodKey);
    await checkSubject(scope, 'team', teamId);
    const effectiveFrom = await toDate(scope, opts.effectiveFrom, 'effectiveFrom');
    const members = await teamDirectory(scope).teamMembers(teamId, bounds.from);
    if (members.length === 0) {
      throw validationError(
        'teamId',
        `team ${teamId} has no members on ${bounds.from}`,
        'no_members',
      );
    }
    return { opts, measure: found, bounds, effectiveFrom, members };
  }

  return {
    async set(input) {
      await scope.assertCan('create', quotas);
      const checked = await checkQuotaInput(scope, options, input);
      return scope.transaction((tx) => write(tx, checked, 'set'));
    },

    async setMany(inputs) {
      await scope.assertCan('create', quotas);
      if (!Array.isArray(inputs) || inputs.length > 10_000) {
        throw validationError('inputs', 'must be a list of at most 10000 quotas', 'invalid_type');
      }
      const checked: CheckedQuota[] = [];
      for (const [index, input] of inputs.entries()) {
        try {
          checked.push(await checkQuotaInput(scope, options, input));
        } catch (error) {
          throw prefixed(error, index);
        }
      }
      return scope.transaction(async (tx) => {
        const written: Quota[] = [];
        for (const one of checked) written.push(await write(tx, one, 'set'));
        return written;
      });
    },

    async history(key) {
      await scope.assertCan('read', quotas);
      const data = optionsOf(key, 'key');
      requireMeasure(options, data.measure);
      periodBounds(await scope.calendar(), data.periodKey);
      return versionsOf(scope, data);
    },

    async target(query) {
      await scope.assertCan('read', quotas);
      const data = optionsOf(query, 'query');
      requireMeasure(options, data.measure);
      return quotaTarget(scope, data);
    },

    async rollUp(teamId, measure, periodKey, given) {
      await scope.assertCan('create', quotas);
      const ctx = await teamContext(teamId, measure, periodKey, given);
      let total = toDecimal(0);
      let currency: string | null = null;
      let found = 0;
      for (const member of ctx.members) {
        const quotaOf = await quotaTarget(scope, {
          subjectType: 'rep',
          subjectId: member.id,
          measure: ctx.measure.id,
          periodKey: ctx.bounds.key,
          asOf: ctx.effectiveFrom,
        });
        if (!quotaOf) continue;
        if (currency && quotaOf.currency !== currency) {
          throw validationError(
            'currency',
            'members have quotas in different currencies',
            'currency_mismatch',
          );
        }
        currency = quotaOf.currency;
        total = total.plus(toDecimal(quotaOf.target));
        found += 1;
      }
      if (found === 0) {
        throw validationError(
          'teamId',
          `no member of ${teamId} has a ${measure} quota for ${periodKey}`,
          'no_quota',
        );
      }
      const checked: CheckedQuota = {
        subjectType: 'team',
        subjectId: teamId,
        measure: ctx.measure,
        bounds: ctx.bounds,
        target: total.toFixed(targetScale(ctx.measure, currency ?? options.currency)),
        currency: ctx.measure.kind === 'money' ? (currency ?? options.currency) : null,
        ramp: [],
        effectiveFrom: ctx.effectiveFrom,
        note: `rolled up from ${ctx.members.length} members`,
      };
      if (ctx.measure.kind === 'money' && !checked.currency) {
        throw validationError(
          'currency',
          'no member quota and no configured currency',
          'invalid_currency',
        );
      }
      return scope.transaction((tx) => write(tx, checked, 'rollUp'));
    },

    async splitDown(teamId, measure, periodKey, given) {
      await scope.assertCan('create', quotas);
      const ctx = await teamContext(teamId, measure, periodKey, given);
      const teamQuota = await quotaTarget(scope, {
        subjectType: 'team',
        subjectId: teamId,
        measure: ctx.measure.id,
        periodKey: ctx.bounds.key,
        asOf: ctx.effectiveFrom,
      });
      if (!teamQuota) {
        throw validationError(
          'teamId',
          `team ${teamId} has no ${measure} quota for ${periodKey}`,
          'no_quota',
        );
      }
      const weights = ctx.opts.weights ?? {};
      for (const repId of Object.keys(weights)) {
        if (!ctx.members.some((member) => member.id === repId)) {
          throw validationError(
            `weights.${repId}`,
            'is not a member of the team',
            'unknown_reference',
          );
        }
      }
      const parts = allocateExact(
        teamQuota.target,
        ctx.members.map((member) =>
          String(weights[member.id] ?? (Object.keys(weights).length ? '0' : '1')),
        ),
        targetScale(ctx.measure, teamQuota.currency),
      );
      return scope.transaction(async (tx) => {
        const written: Quota[] = [];
        for (const [index, member] of ctx.members.entries()) {
          written.push(
            await write(
              tx,
              {
                subjectType: 'rep',
                subjectId: member.id,
                measure: ctx.measure,
                bounds: ctx.bounds,
                target: parts[index] ?? '0',
                currency: teamQuota.currency,
                ramp: [],
                effectiveFrom: ctx.effectiveFrom,
                note: `split down from team ${teamId}`,
              },
              'splitDown',
            ),
          );
        }
        return written;
      });
    },
  };
}

/** A validation error of the `index`-th input, its paths under `index.` (`3.target`). */
function prefixed(error: unknown, index: number): unknown {
  if (!isSellkitError(error, 'VALIDATION_FAILED')) return error;
  const issues = (error.details.issues ?? []).map((issue) => ({
    ...issue,
    path: issue.path ? `${index}.${issue.path}` : String(index),
  }));
  return new SellkitError(
    'VALIDATION_FAILED',
    `${index}: ${error.message}`,
    { ...error.details, issues },
    { cause: error },
  );
}
