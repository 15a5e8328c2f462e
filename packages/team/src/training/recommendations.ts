import {
  type ConditionTrace,
  compileRuleSet,
  type Explanation,
  type ModuleScope,
  validationError,
} from '@sellkit/core';
import { notFound } from '@sellkit/core/module';
import type { TeamEvents } from '../events.js';
import type { Rep } from '../reps/rep-model.js';
import { optionsOf, requireId } from '../shared/errors.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import { completedCoursesOf } from './enrolments.js';
import { type GapFacts, type GapPeriod, gapPeriodBounds, skillGapFacts } from './gap-facts.js';
import { createGapRuleService, type GapRuleSource, skillsOfTag } from './gap-rules.js';
import { type Course, trainingModels } from './training-models.js';

/** One figure behind a gap: the fact the rule read, with the rep's and the team's figures. */
export interface GapFigure {
  /** The fact path the rule read (`winRate.ratioPct`). */
  readonly fact: string;
  readonly value: unknown;
  /** The rule's test of it (`lt`) and the value it tests against (`80`), as written. */
  readonly operator: string | null;
  readonly threshold: unknown;
  /** The measure it belongs to (`winRate`, `weakestProduct`...), when it compares rep and team. */
  readonly measure: string | null;
  readonly rep: number | null;
  readonly team: number | null;
}

/** A skill gap: a rule that fired, the skills it calls for, and the figures behind it. */
export interface SkillGap {
  readonly ruleId: string;
  readonly description: string;
  readonly skills: readonly string[];
  readonly figures: readonly GapFigure[];
}

/** A recommended course and why. */
export interface CourseRecommendation {
  readonly courseId: string;
  readonly title: string;
  /** The gap skills the course teaches. */
  readonly skills: readonly string[];
  /** The ids of the gap rules it answers. */
  readonly gaps: readonly string[];
  /** Prerequisites the rep has not completed yet (empty: the rep can enrol now). */
  readonly missingPrerequisites: readonly string[];
  /** One line per gap, e.g. `low-win-rate: winRate.ratioPct = 64 (rep 40, team 62.5)...`. */
  readonly explanation: readonly string[];
}

/** Recommendations for one rep and period. */
export interface RecommendationReport {
  readonly repId: string;
  readonly periodKey: string;
  readonly ruleSet: {
    readonly id: string;
    readonly version: number;
    readonly source: GapRuleSource;
  };
  readonly facts: GapFacts;
  readonly gaps: readonly SkillGap[];
  /** Courses the rep can take now first, then by gap skills covered, then by title. */
  readonly recommendations: readonly CourseRecommendation[];
}

/** Options of a recommendation run. */
export interface RecommendOptions {
  /** The period compared: a period key (`2026-Q1`) or a unit and a date in it (default: the current quarter). */
  period?: GapPeriod | string;
  /** Emit `course.recommended` (once per rep, course and period). Default true. */
  emit?: boolean;
}

function parentOf(facts: GapFacts, path: string): { measure: string; node: unknown } | null {
  const parts = path.split('.');
  if (parts.length < 2) return null;
  let node: unknown = facts;
  for (const part of parts.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return { measure: parts.slice(0, -1).join('.'), node };
}

/** The fact conditions a rule evaluated, by fact path (the first test of each fact). */
function testsOf(
  trace: ConditionTrace,
  into = new Map<string, ConditionTrace>(),
): Map<string, ConditionTrace> {
  if (trace.result === null) return into;
  if (trace.kind === 'fact' && trace.fact !== undefined && !into.has(trace.fact)) {
    into.set(trace.fact, trace);
  }
  for (const child of trace.children ?? []) testsOf(child, into);
  return into;
}

function figuresOf(facts: GapFacts, explanation: Explanation['rules'][number]): GapFigure[] {
  const tests = testsOf(explanation.condition);
  return explanation.facts.map((read) => {
    const test = tests.get(read.fact);
    const parent = parentOf(facts, read.fact);
    const node = parent?.node;
    const compares = typeof node === 'object' && node !== null && 'rep' in node && 'team' in node;
    const figures = compares ? (node as { rep: unknown; team: unknown }) : null;
    return {
      fact: read.fact,
      value: read.value,
      operator: test?.operator ?? null,
      threshold: test?.value ?? null,
      measure: compares && parent ? parent.measure : null,
      rep: typeof figures?.rep === 'number' ? figures.rep : null,
      team: typeof figures?.team === 'number' ? figures.team : null,
    };
  });
}

const SYMBOLS: Readonly<Record<string, string>> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  eq: '=',
};

function describeFigure(figure: GapFigure): string {
  const test =
    figure.operator === null
      ? ''
      : ` ${SYMBOLS[figure.operator] ?? figure.operator} ${JSON.stringify(figure.threshold)}`;
  const compared =
    figure.measure === null ? '' : ` (rep ${figure.rep ?? '-'}, team ${figure.team ?? '-'})`;
  return `${figure.fact} = ${JSON.stringify(figure.value)}${test}${compared}`;
}

function describeGap(gap: SkillGap): string {
  const figures = gap.figures.map(describeFigure).join('; ');
  return `${gap.ruleId} (${gap.description}): ${figures}`;
}

function recommendCourses(
  gaps: readonly SkillGap[],
  courses: readonly Course[],
  completed: ReadonlySet<string>,
): CourseRecommendation[] {
  const wanted = new Set(gaps.flatMap((gap) => gap.skills));
  const found: CourseRecommendation[] = [];
  for (const course of courses) {
    if (!course.active || completed.has(course.id)) continue;
    const skills = course.skills.filter((skill) => wanted.has(skill));
    if (skills.length === 0) continue;
    const answered = gaps.filter((gap) => gap.skills.some((skill) => skills.includes(skill)));
    found.push({
      courseId: course.id,
      title: course.title,
      skills,
      gaps: answered.map((gap) => gap.ruleId),
      missingPrerequisites: course.prerequisiteIds.filter((id) => !completed.has(id)),
      explanation: answered.map(describeGap),
    });
  }
  return found.sort(
    (a, b) =>
      Number(a.missingPrerequisites.length > 0) - Number(b.missingPrerequisites.length > 0) ||
      b.skills.length - a.skills.length ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : a.courseId < b.courseId ? -1 : 1),
  );
}

/** Course recommendations from outcomes (`team.training.recommend` / `recommendAll`). */
export interface RecommendationService {
  /**
   * Detects a rep's skill gaps in a period with the tenant's gap rules and recommends the
   * courses that teach those skills and that the rep has not completed. The actor must be
   * able to read the rep (a rep themselves, a manager above them, an admin).
   */
  recommend(repId: string, options?: RecommendOptions): Promise<RecommendationReport>;
  /** The same for every active rep the actor may read, with one aggregate per source model. */
  recommendAll(options?: RecommendOptions): Promise<RecommendationReport[]>;
}

/**
 * The recommendation service.
 *
 * @example
 * ```ts
 * const report = await admin.team.training.recommend('rep_1', { period: { unit: 'quarter', date: '2026-03-31' } });
 * for (const course of report.recommendations) console.log(course.title, course.explanation);
 * ```
 */
export function createRecommendationService(scope: ModuleScope<TeamEvents>): RecommendationService {
  const gapRules = createGapRuleService(scope);

  async function run(
    reps: readonly Rep[],
    given: RecommendOptions | undefined,
  ): Promise<RecommendationReport[]> {
    const options = optionsOf(given);
    if (options.emit !== undefined && typeof options.emit !== 'boolean') {
      throw validationError('emit', 'must be true or false', 'invalid_type');
    }
    const calendar = await scope.calendar();
    const bounds = gapPeriodBounds(calendar, options.period);
    const { ruleSet, source } = await gapRules.active();
    const compiled = compileRuleSet(ruleSet);
    const models = teamModels(scope);
    // internal: the team baseline is every active rep, whoever asks
    const teamSize = await scope.internal(models.rep).count({ active: true });
    const facts = await skillGapFacts(scope, reps, teamSize, bounds);
    // internal: the course catalogue is reference data for every rep
    const courses = await loadAll(scope.internal(trainingModels(scope).course), { active: true }, [
      { field: 'title', direction: 'asc' },
    ]);
    const completions = await completedCoursesOf(
      scope,
      reps.map((rep) => rep.id),
    );
    const reports: RecommendationReport[] = [];
    for (const rep of reps) {
      const repFacts = facts.get(rep.id);
      if (!repFacts) continue; // never: facts are built for every rep given
      const explained = compiled.explain(repFacts, { calendar });
      const gaps = explained.rules
        .filter((rule) => rule.fired)
        .map((rule) => ({
          ruleId: rule.id,
          description: rule.description,
          skills: skillsOfTag(rule.tag ?? undefined),
          figures: figuresOf(repFacts, rule),
        }));
      const completed = completions.get(rep.id) ?? new Set<string>();
      const recommendations = recommendCourses(gaps, courses, completed);
      if (options.emit !== false) {
        for (const course of recommendations) {
          await scope.emitOnce(
            `team.course.recommended:${rep.id}:${course.courseId}:${bounds.key}`,
            'course.recommended',
            {
              repId: rep.id,
              courseId: course.courseId,
              periodKey: bounds.key,
              skills: course.skills,
              gaps: course.gaps,
            },
          );
        }
      }
      reports.push({
        repId: rep.id,
        periodKey: bounds.key,
        ruleSet: { id: explained.ruleSetId, version: explained.ruleSetVersion, source },
        facts: repFacts,
        gaps,
        recommendations,
      });
    }
    return reports;
  }

  return {
    async recommend(repId, options) {
      const id = requireId(repId, 'repId');
      // The actor must be able to read the rep: unknown or out of reach is NOT_FOUND.
      const rep = await scope.records(teamModels(scope).rep).get(id);
      const [report] = rep ? await run([rep], options) : [];
      if (!report) throw notFound('rep', id, 'repId');
      return report;
    },
    async recommendAll(options) {
      const reps: Rep[] = [];
      let after: string | undefined;
      do {
        const page = await scope.records(teamModels(scope).rep).find({
          where: { active: true },
          orderBy: [{ field: 'name', direction: 'asc' }],
          limit: 1000,
          ...(after ? { after } : {}),
        });
        reps.push(...page.rows);
        after = page.nextCursor ?? undefined;
      } while (after);
      return run(reps, options);
    },
  };
}
