import type { Money } from '@sellkit/core';
import type { Quota } from './quotas/quota-model.js';
import type { Rep } from './reps/rep-model.js';

/** Why a record changed owner. */
export type ReassignmentReason = 'assignment' | 'handover' | 'manual';

/**
 * Events of the team module, delivered after the transaction that caused them commits.
 *
 * @example
 * ```ts
 * crm.events.on('record.reassigned', (event) =>
 *   console.log(event.to, `${event.model} ${event.recordId} is yours now`),
 * );
 * ```
 */
export interface TeamEvents {
  /** A rep joined the directory. */
  'rep.created': { rep: Rep };
  /** A rep was deactivated (their history stays). `handedOver` counts records moved with it. */
  'rep.deactivated': { rep: Rep; handedOver: number };
  /**
   * A rep's territory assignment started, moved, or had its dates changed. Dates are half-open:
   * `validTo` is the first day no longer covered.
   */
  'rep.territoryChanged': {
    repId: string;
    userId: string;
    territoryId: string;
    previousTerritoryId: string | null;
    validFrom: string;
    validTo: string | null;
    change: 'assigned' | 'moved' | 'updated';
  };
  /** A record's owner changed through assignment rules, a handover or a manual reassignment. */
  'record.reassigned': {
    model: string;
    recordId: string;
    from: string | null;
    to: string;
    reason: ReassignmentReason;
    ruleId: string | null;
  };
  /** A quota version was written (set, rolled up or split down); `previousQuotaId` is the one it supersedes. */
  'quota.set': { quota: Quota; previousQuotaId: string | null };
  /** A re-evaluation of a KPI moved a rep to another band for a period. */
  'kpi.bandChanged': {
    kpi: string;
    periodKey: string;
    repId: string;
    from: string;
    to: string;
    attainment: string;
  };
  // training
  /** A rep completed a course (once per enrolment). `score` is a decimal string 0 to 100. */
  'training.completed': {
    enrolmentId: string;
    repId: string;
    courseId: string;
    completedOn: string;
    score: string | null;
    skills: readonly string[];
  };
  /**
   * A certification expires within `windowDays` (one of the reminder windows); emitted once per
   * certification, expiry date and window. `expiresOn` is the last valid local day.
   */
  'certification.expiring': {
    certificationId: string;
    repId: string;
    name: string;
    expiresOn: string;
    daysUntil: number;
    windowDays: number;
  };
  /** A course was recommended to a rep for a skill gap (once per rep, course and period). */
  'course.recommended': {
    repId: string;
    courseId: string;
    periodKey: string;
    skills: readonly string[];
    gaps: readonly string[];
  };
  // commissions
  /** A commission period was closed: its statements are frozen from now on. */
  'commission.periodClosed': {
    period: string;
    unit: string;
    /** Statements frozen (one per rep on a plan). */
    statements: number;
    /** The total of the statements, one Money per currency. */
    totals: Money[];
    closedBy: string;
  };
  /**
   * Commission paid in a closed period was clawed back in `period` (frozen when it closed): the
   * record was reopened, reduced or moved away from the rep.
   */
  'commission.clawedBack': {
    repId: string;
    period: string;
    /** The closed period that paid it. */
    paidIn: string;
    source: string;
    recordId: string;
    creditChange: Money;
    amount: Money;
  };
}

declare module '@sellkit/core' {
  interface SellkitEventRegistry extends TeamEvents {}
}
