import { fromZodError } from '@sellkit/core/module';
import { z } from 'zod';

const id = z.string().min(1).max(128);
const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);
const condition = z.union([scalar, z.array(scalar).min(1).max(1000)]);

/** Where a rule sends a record. */
export const assignmentTargetSchema = z.union([
  z.object({ team: id }).strict(),
  z.object({ rep: id }).strict(),
  z.object({ territory: id }).strict(),
  z.object({ territoryOf: z.literal('record') }).strict(),
]);

/** One rule: when the record matches, pick a rep from the target's pool. */
export const assignmentRuleSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1 to 64 letters, digits or _ . : -'),
    description: z.string().max(500).optional(),
    /**
     * Attribute → value or list of values; all must match. `model` matches the record's model,
     * `territoryWithin` matches a record whose territory is that one or lies beneath it.
     */
    when: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), condition).optional(),
    assignTo: assignmentTargetSchema,
    /** Try reps of these levels first, then the rest of the pool. */
    prefer: z
      .object({ seniority: z.array(z.string().min(1).max(64)).min(1).max(20) })
      .strict()
      .optional(),
    /** Only these levels, nobody else. */
    only: z
      .object({ seniority: z.array(z.string().min(1).max(64)).min(1).max(20) })
      .strict()
      .optional(),
  })
  .strict();

/** A whole rule set, as published. */
export const assignmentRulesSchema = z
  .object({
    rules: z.array(assignmentRuleSchema).max(500),
    /** Used when no rule gives a rep. */
    fallback: assignmentTargetSchema.optional(),
    capacity: z
      .object({
        /** Most open records per rep (a rep's own `capacity` overrides it). */
        limit: z.number().int().min(0).max(1_000_000).optional(),
        /** Models whose open records count towards it (default: the model being assigned). */
        countModels: z.array(z.string().min(1).max(64)).min(1).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((value, context) => {
    const seen = new Set<string>();
    value.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `rule id ${rule.id} is used twice`,
        });
      }
      seen.add(rule.id);
    });
  });

/** Where a rule sends a record: a team, a rep, a territory, or the record's own territory. */
export type AssignmentTarget = z.infer<typeof assignmentTargetSchema>;
/** One assignment rule. */
export type AssignmentRule = z.infer<typeof assignmentRuleSchema>;
/**
 * Assignment rules as data: evaluated in order, the first rule that yields an eligible rep wins.
 *
 * @example
 * ```ts
 * const inboundTeamId = 'team_inbound'; // a sales team's id
 * const rules: AssignmentRules = {
 *   rules: [
 *     { id: 'vip', when: { priority: 'high' }, assignTo: { territoryOf: 'record' },
 *       prefer: { seniority: ['senior', 'lead'] } },
 *     { id: 'by-territory', assignTo: { territoryOf: 'record' } },
 *   ],
 *   fallback: { team: inboundTeamId },
 *   capacity: { limit: 40 },
 * };
 * ```
 */
export type AssignmentRules = z.infer<typeof assignmentRulesSchema>;

/**
 * Parses rules; problems are `VALIDATION_FAILED` with one issue per path (`rules.0.assignTo`).
 *
 * @example
 * ```ts
 * const rules = parseAssignmentRules(
 *   JSON.parse('{"rules": [{"id": "by-territory", "assignTo": {"territoryOf": "record"}}]}'),
 * );
 * parseAssignmentRules({ rules: [{ id: 'x' }] }); // throws VALIDATION_FAILED at rules.0.assignTo
 * ```
 */
export function parseAssignmentRules(input: unknown): AssignmentRules {
  const parsed = assignmentRulesSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, { model: 'assignmentRuleSet' });
  return parsed.data;
}
