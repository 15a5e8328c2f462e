import type { ModuleScope } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { type CertificationService, createCertificationService } from './certifications.js';
import { type CourseService, createCourseService } from './courses.js';
import { createEnrolmentService, type EnrolmentService } from './enrolments.js';
import { createGapRuleService, type GapRuleService } from './gap-rules.js';
import { createRecommendationService, type RecommendationService } from './recommendations.js';

/**
 * Training and skills (`crm.as(ctx).team.training`): the course catalogue, enrolments and
 * completions, certifications with expiry, the tenant's skill-gap rules, and course
 * recommendations from outcomes.
 */
export interface TrainingService extends RecommendationService {
  readonly courses: CourseService;
  readonly enrolments: EnrolmentService;
  readonly certifications: CertificationService;
  readonly gapRules: GapRuleService;
}

/**
 * Builds the training service of one scope.
 *
 * @example
 * ```ts
 * const training = admin.team.training;
 * const course = await training.courses.create({ title: 'Closing skills', skills: ['closing'], durationMinutes: 120 });
 * await training.enrolments.complete('rep_1', course.id, { score: 92 });
 * ```
 */
export function createTrainingService(scope: ModuleScope<TeamEvents>): TrainingService {
  return {
    courses: createCourseService(scope),
    enrolments: createEnrolmentService(scope),
    certifications: createCertificationService(scope),
    gapRules: createGapRuleService(scope),
    ...createRecommendationService(scope),
  };
}
