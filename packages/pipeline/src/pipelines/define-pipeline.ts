import { isPlainObject, issueList } from '@sellkit/core/module';
import {
  type DueOffset,
  type PipelineDefinition,
  type PlaybookAction,
  REQUIRABLE_FIELDS,
  type StageDefinition,
  type StageKind,
} from './stage-definition.js';

const KEY = /^[a-z][a-z0-9_-]{0,63}$/;
const KINDS: readonly StageKind[] = ['open', 'won', 'lost'];
const MAX_STAGES = 50;
const MAX_ACTIONS = 20;

type Issues = ReturnType<typeof issueList>;

function text(value: unknown, path: string, max: number, issues: Issues): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    issues.add(path, 'must be a non-empty string', 'invalid_type');
    return '';
  }
  if (value.length > max) issues.add(path, `must be at most ${max} characters`, 'too_big');
  return value.trim();
}

function offset(value: unknown, path: string, issues: Issues): DueOffset {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be { days?, hours?, minutes? }', 'invalid_type');
    return {};
  }
  const result: Record<string, number> = {};
  for (const [unit, amount] of Object.entries(value)) {
    if (!['days', 'hours', 'minutes'].includes(unit)) {
      issues.add(`${path}.${unit}`, `unknown unit ${unit}`, 'unknown_field');
    } else if (
      typeof amount !== 'number' ||
      !Number.isInteger(amount) ||
      amount < 0 ||
      amount > 100_000
    ) {
      issues.add(`${path}.${unit}`, 'must be an integer from 0 to 100000', 'invalid_type');
    } else {
      result[unit] = amount;
    }
  }
  return result;
}

function action(value: unknown, path: string, issues: Issues): PlaybookAction {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an action object', 'invalid_type');
    return { key: '', title: '', dueIn: {} };
  }
  const key = text(value.key, `${path}.key`, 64, issues);
  if (key && !KEY.test(key)) issues.add(`${path}.key`, 'must be a lower-case key', 'invalid_key');
  const description =
    value.description === undefined
      ? undefined
      : text(value.description, `${path}.description`, 2000, issues);
  return Object.freeze({
    key,
    title: text(value.title, `${path}.title`, 200, issues),
    ...(description === undefined ? {} : { description }),
    dueIn: Object.freeze(offset(value.dueIn, `${path}.dueIn`, issues)),
  });
}

function list(value: unknown, path: string, issues: Issues): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add(path, 'must be a list', 'invalid_type');
    return [];
  }
  return value;
}

function stage(value: unknown, path: string, issues: Issues): StageDefinition | null {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be a stage object', 'invalid_type');
    return null;
  }
  const key = text(value.key, `${path}.key`, 64, issues);
  if (key && !KEY.test(key)) {
    issues.add(`${path}.key`, 'must start with a letter: a-z, 0-9, _ and - only', 'invalid_key');
  }
  const kind = (value.kind ?? 'open') as StageKind;
  if (!KINDS.includes(kind))
    issues.add(`${path}.kind`, 'must be open, won or lost', 'invalid_enum');
  const probability = value.probability ?? (kind === 'won' ? 100 : kind === 'lost' ? 0 : undefined);
  if (
    typeof probability !== 'number' ||
    !Number.isInteger(probability) ||
    probability < 0 ||
    probability > 100
  ) {
    issues.add(
      `${path}.probability`,
      'must be an integer percentage from 0 to 100',
      'invalid_type',
    );
  }
  const requiredFields = list(value.requiredFields, `${path}.requiredFields`, issues);
  requiredFields.forEach((name, index) => {
    if (!(REQUIRABLE_FIELDS as readonly unknown[]).includes(name)) {
      issues.add(
        `${path}.requiredFields.${index}`,
        `cannot require ${String(name)}`,
        'unknown_field',
      );
    }
  });
  const moves =
    value.allowedMoves === undefined || value.allowedMoves === null
      ? null
      : list(value.allowedMoves, `${path}.allowedMoves`, issues);
  const actions = list(value.playbook, `${path}.playbook`, issues);
  if (actions.length > MAX_ACTIONS)
    issues.add(`${path}.playbook`, `at most ${MAX_ACTIONS} actions`, 'too_big');
  const playbook = actions.map((item, index) => action(item, `${path}.playbook.${index}`, issues));
  const keys = new Set<string>();
  playbook.forEach((item, index) => {
    if (keys.has(item.key))
      issues.add(`${path}.playbook.${index}.key`, 'is used twice', 'duplicate');
    keys.add(item.key);
  });
  return Object.freeze({
    key,
    name: value.name === undefined ? key : text(value.name, `${path}.name`, 100, issues),
    kind,
    probability: typeof probability === 'number' ? probability : 0,
    requiredFields: Object.freeze(requiredFields as StageDefinition['requiredFields'][number][]),
    allowedMoves: moves === null ? null : Object.freeze(moves.map(String)),
    playbook: Object.freeze(playbook),
  });
}

/**
 * Validates a pipeline: unique stage keys, at least one open stage, exactly one won and one
 * lost stage, probabilities from 0 to 100, moves to known stages, playbook actions with due
 * offsets. Returns it frozen; bad input is `VALIDATION_FAILED` with a path per problem.
 *
 * @example
 * ```ts
 * const sales = definePipeline({
 *   key: 'default',
 *   name: 'Sales',
 *   stages: [
 *     { key: 'qualification', probability: 20 },
 *     {
 *       key: 'proposal',
 *       probability: 50,
 *       requiredFields: ['amount'],
 *       playbook: [{ key: 'feedback', title: 'Call for feedback on the proposal', dueIn: { days: 3 } }],
 *     },
 *     { key: 'won', kind: 'won', probability: 100 },
 *     { key: 'lost', kind: 'lost', probability: 0 },
 *   ],
 * });
 * ```
 */
export function definePipeline(input: unknown): PipelineDefinition {
  const issues = issueList();
  if (!isPlainObject(input)) {
    issues.add('', 'a pipeline must be an object', 'invalid_type');
    issues.throwIfAny({ model: 'salesPipeline' });
  }
  const raw = input as Record<string, unknown>;
  const key = text(raw.key, 'key', 64, issues);
  if (key && !KEY.test(key))
    issues.add('key', 'must start with a letter: a-z, 0-9, _ and - only', 'invalid_key');
  const name = text(raw.name, 'name', 200, issues);
  const items = list(raw.stages, 'stages', issues);
  if (items.length > MAX_STAGES) issues.add('stages', `at most ${MAX_STAGES} stages`, 'too_big');
  const stages = items
    .map((item, index) => stage(item, `stages.${index}`, issues))
    .filter((item): item is StageDefinition => item !== null);
  const keys = new Set<string>();
  stages.forEach((item, index) => {
    if (keys.has(item.key))
      issues.add(`stages.${index}.key`, `stage ${item.key} appears twice`, 'duplicate');
    keys.add(item.key);
  });
  stages.forEach((item, index) => {
    item.allowedMoves?.forEach((target, move) => {
      if (!keys.has(target)) {
        issues.add(
          `stages.${index}.allowedMoves.${move}`,
          `unknown stage ${target}`,
          'unknown_stage',
        );
      }
    });
  });
  const count = (kind: StageKind) => stages.filter((item) => item.kind === kind).length;
  if (count('open') === 0)
    issues.add('stages', 'needs at least one open stage', 'missing_open_stage');
  if (count('won') !== 1) issues.add('stages', 'needs exactly one won stage', 'won_stage');
  if (count('lost') !== 1) issues.add('stages', 'needs exactly one lost stage', 'lost_stage');
  issues.throwIfAny({ model: 'salesPipeline' });
  return Object.freeze({ key, name, stages: Object.freeze(stages) });
}
