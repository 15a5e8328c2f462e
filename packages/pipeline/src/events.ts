import type { Money } from '@sellkit/core';
import type { OpportunityLine } from './opportunities/line-model.js';
import type { Opportunity } from './opportunities/opportunity-model.js';
import type { Task } from './tasks/task-model.js';

/** Payload of `opportunity.stageChanged`. */
export interface StageChangedEvent {
  readonly opportunity: Opportunity;
  readonly pipelineId: string;
  readonly from: string;
  readonly to: string;
  readonly changedBy: string;
  readonly changedAt: Date;
  /** Tasks the new stage's playbook created. */
  readonly tasks: readonly Task[];
}

/**
 * Payload of `opportunity.won`: the lines and amount are all an order needs, so an orders
 * module can create the order from the event alone.
 */
export interface OpportunityWonEvent {
  readonly opportunity: Opportunity;
  readonly lines: readonly OpportunityLine[];
  readonly amount: Money | null;
  readonly closeDate: string;
  readonly wonBy: string;
}

/** Payload of `opportunity.lost`. */
export interface OpportunityLostEvent {
  readonly opportunity: Opportunity;
  readonly reason: string;
  readonly closeDate: string;
  readonly lostBy: string;
}

/** Payload of `opportunity.reopened`. */
export interface OpportunityReopenedEvent {
  readonly opportunity: Opportunity;
  /** The closed status it had. */
  readonly from: 'won' | 'lost';
  /** The open stage it went back to. */
  readonly to: string;
  readonly reason: string;
  readonly reopenedBy: string;
}

/**
 * Events of the pipeline module, delivered after the transaction that caused them commits.
 * `task.due` and `task.overdue` are delivered exactly once per task and due time, however
 * many scheduler ticks or processes run.
 *
 * @example
 * ```ts
 * crm.events.on('opportunity.won', ({ opportunity, lines, amount }) =>
 *   console.log(`order for ${opportunity.title}: ${lines.length} lines, ${amount?.toString()}`),
 * );
 * crm.events.on('task.overdue', ({ task }) => console.log(task.ownerId, `${task.title} is overdue`));
 * ```
 */
export interface PipelineEvents {
  'opportunity.created': {
    readonly opportunity: Opportunity;
    readonly lines: readonly OpportunityLine[];
  };
  'opportunity.updated': { readonly opportunity: Opportunity; readonly changed: readonly string[] };
  'opportunity.stageChanged': StageChangedEvent;
  'opportunity.won': OpportunityWonEvent;
  'opportunity.lost': OpportunityLostEvent;
  'opportunity.reopened': OpportunityReopenedEvent;
  /** A high-priority deal was given to another owner by the routing rule. */
  'opportunity.routed': {
    readonly opportunity: Opportunity;
    readonly from: string | null;
    readonly to: string;
    readonly priority: number | null;
  };
  /** A lead became an opportunity. */
  'lead.converted': { readonly opportunity: Opportunity };
  'task.created': { readonly task: Task };
  'task.completed': { readonly task: Task };
  'task.due': { readonly task: Task };
  'task.overdue': { readonly task: Task; readonly overdueSince: Date };
}

declare module '@sellkit/core' {
  interface SellkitEventRegistry extends PipelineEvents {}
}
