import { type ModuleScope, SellkitError, validationError } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { activeRep } from '../reps/rep-checks.js';
import { toDate, toOptionalDate } from '../shared/dates.js';
import { optionsOf, requireId } from '../shared/errors.js';
import { requireCourse } from './courses.js';
import { type Certification, trainingModels } from './training-models.js';

/** What a certification is granted from. */
export interface CertificationInput {
  name: string;
  /** The course it certifies, when there is one. */
  courseId?: string | null;
  /** The local date it was issued (default: today). */
  issuedOn?: string | Date;
  /** The last local day it is valid (null or left out: never expires, unless `validForMonths`). */
  expiresOn?: string | Date | null;
  /** Valid for this many calendar months from `issuedOn` (instead of `expiresOn`). */
  validForMonths?: number;
}

/** What a renewal changes. */
export interface RenewalInput {
  /** The local date of the renewal (default: today). */
  issuedOn?: string | Date;
  expiresOn?: string | Date | null;
  validForMonths?: number;
}

/** A certification due to expire, with the days left (0 = expires today). */
export interface ExpiringCertification {
  readonly certification: Certification;
  readonly daysUntil: number;
}

/** Certifications and their expiry (`team.training.certifications`). */
export interface CertificationService {
  /** Grants a certification to an active rep. `expiresOn` before `issuedOn` is `VALIDATION_FAILED`. */
  grant(repId: string, input: CertificationInput): Promise<Certification>;
  /**
   * Renews a certification: new issue and expiry dates, one more renewal. Reminders start
   * again for the new expiry date.
   */
  renew(id: string, input?: RenewalInput): Promise<Certification>;
  /** A rep's certifications, soonest expiry first (never-expiring last). */
  ofRep(repId: string): Promise<Certification[]>;
  /** Certifications expiring from today to `withinDays` days ahead, soonest first. */
  expiring(withinDays: number): Promise<ExpiringCertification[]>;
}

async function datesOf(
  scope: ModuleScope<TeamEvents>,
  input: { issuedOn?: unknown; expiresOn?: unknown; validForMonths?: unknown },
): Promise<{ issuedOn: string; expiresOn: string | null }> {
  const issuedOn = await toDate(scope, input.issuedOn, 'issuedOn');
  const months = input.validForMonths;
  if (months !== undefined && input.expiresOn !== undefined && input.expiresOn !== null) {
    throw validationError(
      'validForMonths',
      'give expiresOn or validForMonths, not both',
      'invalid',
    );
  }
  let expiresOn = await toOptionalDate(scope, input.expiresOn, 'expiresOn');
  if (months !== undefined) {
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 1200) {
      throw validationError(
        'validForMonths',
        'must be a whole number of months, 1 to 1200',
        'invalid',
      );
    }
    const calendar = await scope.calendar();
    // Valid until the day before the same date `months` later.
    expiresOn = calendar.addDays(calendar.addMonths(issuedOn, months), -1);
  }
  if (expiresOn !== null && expiresOn < issuedOn) {
    throw validationError('expiresOn', `is before issuedOn (${issuedOn})`, 'invalid_date');
  }
  return { issuedOn, expiresOn };
}

/**
 * The certification service.
 *
 * @example
 * ```ts
 * const certifications = admin.team.training.certifications;
 * const cert = await certifications.grant('rep_1', { name: 'Product specialist', validForMonths: 12 });
 * const soon = await certifications.expiring(30);
 * await certifications.renew(cert.id, { validForMonths: 12 });
 * ```
 */
export function createCertificationService(scope: ModuleScope<TeamEvents>): CertificationService {
  const models = trainingModels(scope);
  return {
    async grant(repId, given) {
      const input = optionsOf(given, 'input');
      if (typeof input.name !== 'string' || input.name.trim().length === 0) {
        throw validationError('name', 'is required', 'required');
      }
      const dates = await datesOf(scope, input);
      return scope.transaction(async (tx) => {
        const rep = await activeRep(tx, repId, 'repId');
        const courseId =
          input.courseId === undefined || input.courseId === null
            ? null
            : (await requireCourse(tx, input.courseId, 'courseId')).id;
        return tx.records(models.certification).create({
          repId: rep.id,
          name: input.name,
          courseId,
          ...dates,
        });
      });
    },

    async renew(id, given) {
      const certId = requireId(id, 'id');
      const input = optionsOf(given, 'input');
      const dates = await datesOf(scope, input);
      return scope.transaction(async (tx) => {
        // internal: "does it exist" first; the update below checks the actor's access
        const current = await tx.internal(models.certification).get(certId);
        if (!current) {
          throw new SellkitError('NOT_FOUND', `no certification ${certId}`, {
            model: 'certification',
            id: certId,
          });
        }
        if (dates.issuedOn < current.issuedOn) {
          throw validationError(
            'issuedOn',
            `is before the current issue (${current.issuedOn})`,
            'invalid_date',
          );
        }
        return tx
          .records(models.certification)
          .update(certId, { ...dates, renewals: current.renewals + 1 }, { current });
      });
    },

    async ofRep(repId) {
      const id = requireId(repId, 'repId');
      const page = await scope.records(models.certification).find({
        where: { repId: id },
        orderBy: [{ field: 'expiresOn', direction: 'asc' }, { field: 'id' }],
        limit: 1000,
      });
      return [
        ...page.rows.filter((row) => row.expiresOn !== null),
        ...page.rows.filter((row) => row.expiresOn === null),
      ];
    },

    async expiring(withinDays) {
      if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 3660) {
        throw validationError('withinDays', 'must be 0 to 3660 days', 'invalid');
      }
      const calendar = await scope.calendar();
      const today = calendar.today();
      const page = await scope.records(models.certification).find({
        where: { expiresOn: { gte: today, lte: calendar.addDays(today, withinDays) } },
        orderBy: [{ field: 'expiresOn', direction: 'asc' }, { field: 'id' }],
        limit: 10_000,
      });
      return page.rows.map((certification) => ({
        certification,
        daysUntil: calendar.daysBetween(today, certification.expiresOn ?? today),
      }));
    },
  };
}
