import type { LocalOffset } from '@sellkit/core';

/** How a stage counts: still open, or closed as won or lost. */
export type StageKind = 'open' | 'won' | 'lost';

/** A due offset: days, hours and minutes added together. */
export interface DueOffset {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
}

/**
 * One action of a stage's follow-up playbook: entering the stage creates a task with this
 * title for the opportunity's owner, due `dueIn` after the move.
 */
export interface PlaybookAction {
  /** Unique within the stage; entering the stage again does not duplicate an open task. */
  readonly key: string;
  readonly title: string;
  readonly description?: string;
  readonly dueIn: DueOffset;
}

/** Opportunity fields a stage may require before it can be entered (`lines`: at least one line). */
export const REQUIRABLE_FIELDS = [
  'amount',
  'lines',
  'expectedCloseDate',
  'engageDate',
  'companyId',
  'contactId',
  'source',
  'territoryId',
  'nextAction',
  'budgetConfirmed',
  'description',
] as const;

/** A field a stage can require. */
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

/** One stage of a pipeline. */
export interface StageDefinition {
  /** Stable key stored on opportunities (`proposal`). */
  readonly key: string;
  /** Display name (`Proposal`). */
  readonly name: string;
  readonly kind: StageKind;
  /** Default win probability in percent (0 to 100) of deals in this stage. */
  readonly probability: number;
  /** Fields that must be set to enter the stage. */
  readonly requiredFields: readonly RequirableField[];
  /**
   * Stages a deal in this stage may move to. Without a list, an open stage may move to any
   * stage of its pipeline. Closed stages never move: reopening is explicit.
   */
  readonly allowedMoves: readonly string[] | null;
  /** Follow-up actions created as tasks when a deal enters the stage. */
  readonly playbook: readonly PlaybookAction[];
}

/** A pipeline: ordered stages, with exactly one won and one lost stage. */
export interface PipelineDefinition {
  /** Stable key, unique per tenant (`default`, `enterprise`). */
  readonly key: string;
  readonly name: string;
  readonly stages: readonly StageDefinition[];
}

/** What `definePipeline` accepts: stage lists and playbooks may be left out. */
export interface PipelineInput {
  key: string;
  name: string;
  stages: readonly StageInput[];
}

/** A stage as written by hand. */
export interface StageInput {
  key: string;
  name?: string;
  kind?: StageKind;
  probability: number;
  requiredFields?: readonly RequirableField[];
  allowedMoves?: readonly string[] | null;
  playbook?: readonly PlaybookAction[];
}

/**
 * A due offset as a local offset of the tenant calendar: `days` are calendar days (the same
 * local time, also across a DST change), `hours` and `minutes` exact durations.
 */
export function localOffset(offset: DueOffset, sign: 1 | -1 = 1): LocalOffset {
  return {
    days: sign * (offset.days ?? 0),
    hours: sign * (offset.hours ?? 0),
    minutes: sign * (offset.minutes ?? 0),
  };
}

/** Milliseconds of a due offset (24-hour days). */
export function offsetMs(offset: DueOffset): number {
  return ((offset.days ?? 0) * 24 * 60 + (offset.hours ?? 0) * 60 + (offset.minutes ?? 0)) * 60_000;
}
