import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * A course: what it teaches (skill slugs), how long it takes, who gives it, and the courses a
 * rep must have completed first. Prerequisites never form a cycle.
 */
export const course = defineModel({
  name: 'course',
  idPrefix: 'crs',
  description: 'A training course and the skills it teaches.',
  fields: {
    title: field.text({ required: true, maxLength: 200, searchable: true }),
    skills: field.textList({ required: true, default: () => [], maxItems: 50, maxLength: 64 }),
    durationMinutes: field.integer({ required: true, min: 1, max: 1_000_000 }),
    provider: field.text({ maxLength: 200 }),
    prerequisiteIds: field.textList({
      required: true,
      default: () => [],
      maxItems: 50,
      maxLength: 64,
    }),
    active: field.boolean({ required: true, default: true }),
    externalId: field.text({ maxLength: 200, unique: true }),
  },
});

/** A course as stored. */
export type Course = InferRecord<typeof course>;

/** Where an enrolment stands. */
export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'withdrawn'] as const;

/**
 * A rep's enrolment in a course, and its completion (local date and score 0 to 100). One
 * enrolment per rep and course; a completed course stays completed.
 */
export const courseEnrolment = defineModel({
  name: 'courseEnrolment',
  idPrefix: 'cen',
  description: 'A rep enrolled in, or having completed, a course.',
  fields: {
    repId: field.reference('rep', { required: true, index: true }),
    courseId: field.reference('course', { required: true, index: true }),
    status: field.enum(ENROLMENT_STATUSES, { required: true, default: 'enrolled' }),
    enrolledOn: field.date({ required: true }),
    completedOn: field.date(),
    score: field.decimal({ scale: 2, precision: 5, min: '0', max: '100' }),
  },
  indexes: [{ fields: ['repId', 'courseId'], unique: true }],
});

/** An enrolment as stored. */
export type CourseEnrolment = InferRecord<typeof courseEnrolment>;

/**
 * A certification a rep holds: issued on a local date, valid until `expiresOn` (the last day it
 * is valid; null = never expires). Renewing moves both dates and starts new reminders.
 */
export const certification = defineModel({
  name: 'certification',
  idPrefix: 'cert',
  description: 'A certification held by a rep, with its expiry.',
  fields: {
    repId: field.reference('rep', { required: true, index: true }),
    name: field.text({ required: true, maxLength: 200 }),
    courseId: field.reference('course', { index: true }),
    issuedOn: field.date({ required: true }),
    expiresOn: field.date({ index: true }),
    renewals: field.integer({ required: true, default: 0, min: 0 }),
  },
});

/** A certification as stored. */
export type Certification = InferRecord<typeof certification>;

/** The training models as composed in this kernel. */
export function trainingModels(scope: { model(name: string): unknown }) {
  return {
    course: scope.model(course.name) as typeof course,
    courseEnrolment: scope.model(courseEnrolment.name) as typeof courseEnrolment,
    certification: scope.model(certification.name) as typeof certification,
  };
}
