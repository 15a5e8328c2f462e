import {
  type EventMap,
  type FindQuery,
  type ModuleScope,
  type Page,
  validationError,
} from '@sellkit/core';
import { checkedWrites } from '../shared/checked-writes.js';
import { requireId, unknownReference } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
import { loadAll } from '../shared/load-all.js';
import { skillList } from './skills.js';
import { type Course, trainingModels } from './training-models.js';

/** What a course is created from. */
export interface CourseInput {
  title: string;
  /** Skill slugs it teaches (`negotiation`, `product-knowledge`). */
  skills?: readonly string[];
  durationMinutes: number;
  provider?: string | null;
  /** Courses a rep must have completed first (no cycles). */
  prerequisiteIds?: readonly string[];
  active?: boolean;
  externalId?: string | null;
}

/** A change to a course. */
export type CoursePatch = Partial<CourseInput>;

/** The course catalogue. */
export interface CourseService {
  /** Creates a course; unknown prerequisites or bad skills are `VALIDATION_FAILED`. */
  create(input: CourseInput): Promise<Course>;
  /**
   * Updates a course. Prerequisites that would make the course its own prerequisite, directly
   * or through other courses, are `VALIDATION_FAILED` (reason `prerequisite_cycle`).
   */
  update(id: string, patch: CoursePatch): Promise<Course>;
  /** A course, or null. */
  get(id: string): Promise<Course | null>;
  /** A page of courses, by title unless the query says otherwise. */
  list(query?: FindQuery<Course>): Promise<Page<Course>>;
}

function checkShape(data: Record<string, unknown>, creating: boolean): void {
  if (data.skills !== undefined) skillList(data.skills, 'skills');
  if (data.prerequisiteIds !== undefined) {
    if (!Array.isArray(data.prerequisiteIds)) {
      throw validationError('prerequisiteIds', 'must be a list of course ids', 'invalid_type');
    }
    data.prerequisiteIds.forEach((id, index) => {
      requireId(id, `prerequisiteIds.${index}`);
    });
    if (new Set(data.prerequisiteIds).size !== data.prerequisiteIds.length) {
      throw validationError('prerequisiteIds', 'lists a course twice', 'duplicate');
    }
  }
  const duration = data.durationMinutes;
  if (
    (creating || duration !== undefined) &&
    (!Number.isInteger(duration) || Number(duration) < 1)
  ) {
    throw validationError(
      'durationMinutes',
      'must be a whole number of minutes, at least 1',
      'invalid',
    );
  }
}

/**
 * Throws `VALIDATION_FAILED` when `prerequisites` name an unknown course, or reach `id` back
 * through the prerequisite graph (`graph`: every course's prerequisites).
 */
function checkPrerequisites(
  id: string | null,
  prerequisites: readonly string[],
  graph: ReadonlyMap<string, readonly string[]>,
): void {
  prerequisites.forEach((prerequisite, index) => {
    if (prerequisite === id) {
      throw validationError(
        `prerequisiteIds.${index}`,
        'a course cannot be its own prerequisite',
        'prerequisite_cycle',
        { model: 'course', id },
      );
    }
    if (!graph.has(prerequisite)) {
      throw unknownReference(`prerequisiteIds.${index}`, 'course', prerequisite);
    }
  });
  if (id === null) return; // a new course: nothing can lead back to it yet
  const seen = new Set<string>();
  const path: string[] = [];
  const walk = (from: string): boolean => {
    if (from === id) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    path.push(from);
    for (const next of graph.get(from) ?? []) if (walk(next)) return true;
    path.pop();
    return false;
  };
  for (const [index, prerequisite] of prerequisites.entries()) {
    path.length = 0;
    if (walk(prerequisite)) {
      throw validationError(
        `prerequisiteIds.${index}`,
        `a course cannot be its own prerequisite (through ${path.join(' -> ')})`,
        'prerequisite_cycle',
        { model: 'course', id, cycle: [id, ...path, id] },
      );
    }
  }
}

/**
 * The course catalogue service (`team.training.courses`).
 *
 * @example
 * ```ts
 * const courses = admin.team.training.courses;
 * const basics = await courses.create({ title: 'Negotiation basics', skills: ['negotiation'], durationMinutes: 90 });
 * const advanced = await courses.create({
 *   title: 'Advanced negotiation',
 *   skills: ['negotiation', 'closing'],
 *   durationMinutes: 240,
 *   provider: 'Sales Academy',
 *   prerequisiteIds: [basics.id],
 * });
 * await courses.update(basics.id, { prerequisiteIds: [advanced.id] }); // VALIDATION_FAILED: cycle
 * ```
 */
export function createCourseService<E extends EventMap>(scope: ModuleScope<E>): CourseService {
  const models = trainingModels(scope);
  const writes = checkedWrites(scope, models.course, {
    what: 'a course',
    checkCreate: (data) => checkShape(data, true),
    async check(tx, id, data) {
      if (id !== null) checkShape(data, false);
      if (data.prerequisiteIds === undefined) return;
      // Courses are serialised so two concurrent edits cannot close a cycle together.
      await claimGuard(tx, 'courses');
      // internal: the prerequisite graph is reference data, checked whoever edits the course
      const all = await loadAll(tx.internal(models.course));
      const graph = new Map(all.map((row) => [row.id, row.prerequisiteIds]));
      checkPrerequisites(id, data.prerequisiteIds as string[], graph);
    },
  });
  return {
    create: (input) => writes.create(input),
    update: (id, patch) => writes.update(requireId(id, 'id'), patch),
    async get(id) {
      return scope.records(models.course).get(requireId(id, 'id'));
    },
    async list(query) {
      const page = query ?? {};
      return scope.records(models.course).find({
        ...page,
        orderBy: page.orderBy ?? [{ field: 'title', direction: 'asc' }],
      });
    },
  };
}

/**
 * The course `id` names, or `VALIDATION_FAILED` at `path` when there is none (a reference check
 * for enrolments and certifications).
 *
 * @example
 * ```ts
 * const found = await requireCourse(scope, 'crs_1', 'courseId');
 * console.log(found.title, found.skills);
 * ```
 */
export async function requireCourse<E extends EventMap>(
  tx: ModuleScope<E>,
  id: unknown,
  path: string,
): Promise<Course> {
  const courseId = requireId(id, path);
  // internal: a reference check; any actor who may enrol may name any course
  const found = await tx.internal(trainingModels(tx).course).get(courseId);
  if (!found) throw unknownReference(path, 'course', courseId);
  return found;
}
