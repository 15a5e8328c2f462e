import { type EventMap, type ModuleScope, SellkitError, validationError } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { activeRep, existingRep } from '../reps/rep-checks.js';
import { toDate } from '../shared/dates.js';
import { optionsOf, requireId } from '../shared/errors.js';
import { loadAll } from '../shared/load-all.js';
import { requireCourse } from './courses.js';
import { type CourseEnrolment, trainingModels } from './training-models.js';

/** Options of an enrolment. */
export interface EnrolOptions {
  /** The local date of the enrolment (default: today in the tenant's calendar). */
  on?: string | Date;
}

/** Options of a completion. */
export interface CompleteOptions {
  /** The local date of the completion (default: today). */
  on?: string | Date;
  /** The score, 0 to 100 with at most two decimals (a number or a decimal string). */
  score?: number | string | null;
}

/** Enrolments and completions (`team.training.enrolments`). */
export interface EnrolmentService {
  /**
   * Enrols an active rep in an active course whose prerequisites the rep has completed
   * (missing ones are `VALIDATION_FAILED`, reason `prerequisites_missing`, listing them). An
   * enrolment already open or completed is `CONFLICT`; a withdrawn one is reopened.
   */
  enrol(repId: string, courseId: string, options?: EnrolOptions): Promise<CourseEnrolment>;
  /**
   * Records a completion with its date and score (enrolling first when needed, e.g. a course
   * taken elsewhere) and emits `training.completed`. Completing twice is `CONFLICT`.
   */
  complete(repId: string, courseId: string, options?: CompleteOptions): Promise<CourseEnrolment>;
  /** Withdraws an open enrolment (`NOT_FOUND` without one, `CONFLICT` once completed). */
  withdraw(repId: string, courseId: string): Promise<CourseEnrolment>;
  /** A rep's enrolments, oldest first. */
  ofRep(repId: string): Promise<CourseEnrolment[]>;
}

const SCORE = /^(?:\d{1,3})(?:\.\d{1,2})?$/;

/** Reads a score 0 to 100 (at most two decimals) as a decimal string; null when left out. */
function scoreOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !SCORE.test(text) || Number(text) > 100) {
    throw validationError('score', 'must be 0 to 100 with at most two decimals', 'invalid');
  }
  return text;
}

type Scope<E extends EventMap = TeamEvents> = ModuleScope<E>;

async function findEnrolment<E extends EventMap>(
  tx: Scope<E>,
  repId: string,
  courseId: string,
): Promise<CourseEnrolment | null> {
  // internal: the uniqueness check of an enrolment, whoever records it
  const page = await tx.internal(trainingModels(tx).courseEnrolment).find({
    where: { repId, courseId },
    limit: 1,
  });
  return page.rows[0] ?? null;
}

/**
 * The courses a rep has completed, by id.
 *
 * @example
 * ```ts
 * const done = await completedCourseIds(scope, 'rep_1');
 * if (done.has('crs_1')) console.log('already completed');
 * ```
 */
export async function completedCourseIds<E extends EventMap>(
  scope: Scope<E>,
  repId: string,
): Promise<Set<string>> {
  // internal: completions decide recommendations and prerequisites, whoever asks
  const rows = await loadAll(scope.internal(trainingModels(scope).courseEnrolment), {
    repId,
    status: 'completed',
  });
  return new Set(rows.map((row) => row.courseId));
}

/**
 * The courses each of several reps has completed (one query per 500 reps).
 *
 * @example
 * ```ts
 * const done = await completedCoursesOf(scope, ['rep_1', 'rep_2']);
 * console.log(done.get('rep_1')?.has('crs_1'));
 * ```
 */
export async function completedCoursesOf<E extends EventMap>(
  scope: Scope<E>,
  repIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const done = new Map<string, Set<string>>(repIds.map((id) => [id, new Set<string>()]));
  // internal: completions decide recommendations, whoever asks
  const enrolments = scope.internal(trainingModels(scope).courseEnrolment);
  for (let start = 0; start < repIds.length; start += 500) {
    const chunk = repIds.slice(start, start + 500);
    for (const row of await loadAll(enrolments, { repId: { in: chunk }, status: 'completed' })) {
      done.get(row.repId)?.add(row.courseId);
    }
  }
  return done;
}

/**
 * The enrolment service.
 *
 * @example
 * ```ts
 * const enrolments = admin.team.training.enrolments;
 * await enrolments.enrol('rep_1', 'crs_1', { on: '2026-03-02' });
 * await enrolments.complete('rep_1', 'crs_1', { on: '2026-03-09', score: '87.5' });
 * ```
 */
export function createEnrolmentService(scope: ModuleScope<TeamEvents>): EnrolmentService {
  const models = trainingModels(scope);
  return {
    async enrol(repId, courseId, given) {
      const options = optionsOf(given);
      const on = await toDate(scope, options.on, 'on');
      return scope.transaction(async (tx) => {
        const rep = await activeRep(tx, repId, 'repId');
        const course = await requireCourse(tx, courseId, 'courseId');
        if (!course.active) {
          throw validationError('courseId', `course ${course.id} is inactive`, 'inactive_course');
        }
        const done = await completedCourseIds(tx, rep.id);
        const missing = course.prerequisiteIds.filter((id) => !done.has(id));
        if (missing.length > 0) {
          throw validationError(
            'courseId',
            `prerequisites not completed: ${missing.join(', ')}`,
            'prerequisites_missing',
            { missing },
          );
        }
        const existing = await findEnrolment(tx, rep.id, course.id);
        const enrolments = tx.records(models.courseEnrolment);
        if (existing && existing.status !== 'withdrawn') {
          throw new SellkitError(
            'CONFLICT',
            `rep ${rep.id} is already ${existing.status} in ${course.id}`,
            {
              model: 'courseEnrolment',
              id: existing.id,
              issues: [
                { path: 'courseId', message: `already ${existing.status}`, reason: 'duplicate' },
              ],
            },
          );
        }
        if (existing) {
          return enrolments.update(
            existing.id,
            { status: 'enrolled', enrolledOn: on },
            { current: existing },
          );
        }
        return enrolments.create({ repId: rep.id, courseId: course.id, enrolledOn: on });
      });
    },

    async complete(repId, courseId, given) {
      const options = optionsOf(given);
      const on = await toDate(scope, options.on, 'on');
      const score = scoreOf(options.score);
      return scope.transaction(async (tx) => {
        const rep = await existingRep(tx, repId, 'repId');
        const course = await requireCourse(tx, courseId, 'courseId');
        const existing = await findEnrolment(tx, rep.id, course.id);
        if (existing?.status === 'completed') {
          throw new SellkitError('CONFLICT', `rep ${rep.id} already completed ${course.id}`, {
            model: 'courseEnrolment',
            id: existing.id,
            issues: [{ path: 'courseId', message: 'already completed', reason: 'duplicate' }],
          });
        }
        if (existing && on < existing.enrolledOn) {
          throw validationError(
            'on',
            `is before the enrolment (${existing.enrolledOn})`,
            'invalid_date',
          );
        }
        const enrolments = tx.records(models.courseEnrolment);
        const completion = { status: 'completed' as const, completedOn: on, score };
        const saved = existing
          ? await enrolments.update(existing.id, completion, { current: existing })
          : await enrolments.create({
              repId: rep.id,
              courseId: course.id,
              enrolledOn: on,
              ...completion,
            });
        await tx.emit('training.completed', {
          enrolmentId: saved.id,
          repId: rep.id,
          courseId: course.id,
          completedOn: on,
          score,
          skills: course.skills,
        });
        return saved;
      });
    },

    async withdraw(repId, courseId) {
      const rep = requireId(repId, 'repId');
      const courseKey = requireId(courseId, 'courseId');
      return scope.transaction(async (tx) => {
        const existing = await findEnrolment(tx, rep, courseKey);
        if (!existing || existing.status === 'withdrawn') {
          throw new SellkitError('NOT_FOUND', `rep ${rep} is not enrolled in ${courseKey}`, {
            model: 'courseEnrolment',
            issues: [{ path: 'courseId', message: 'not enrolled', reason: 'not_found' }],
          });
        }
        if (existing.status === 'completed') {
          throw new SellkitError('CONFLICT', `rep ${rep} already completed ${courseKey}`, {
            model: 'courseEnrolment',
            id: existing.id,
          });
        }
        return tx
          .records(models.courseEnrolment)
          .update(existing.id, { status: 'withdrawn' }, { current: existing });
      });
    },

    async ofRep(repId) {
      const id = requireId(repId, 'repId');
      const page = await scope.records(models.courseEnrolment).find({
        where: { repId: id },
        orderBy: [{ field: 'enrolledOn', direction: 'asc' }],
        limit: 1000,
      });
      return page.rows;
    },
  };
}
