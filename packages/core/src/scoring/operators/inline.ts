import type { AnyOperatorDefinition } from './define-operator.js';

/**
 * What an inline emitter may use to write one condition as a JavaScript expression. Every
 * name here is an identifier the compiler made up; rule-set values only ever enter the code
 * through `constant()`, which returns the identifier of a slot in the constants array.
 */
export interface InlineInput {
  /** The local holding the fact value. */
  readonly fact: string;
  /** Registers a value in the constants array and returns the identifier bound to it. */
  constant(value: unknown): string;
  /** The expression that evaluates the condition the slow, general way (kind checks, errors). */
  readonly general: string;
  /** The local holding `now` in milliseconds. */
  readonly now: string;
  /**
   * A local that is true when the evaluation counts days in UTC (no tenant calendar, or a UTC
   * one): fixed-length days and midnight-UTC dates, so arithmetic on `now` may be inlined.
   */
  readonly utc: string;
  /** A fresh local for intermediate values. */
  temp(): string;
  /** Identifiers of helpers every generated function declares. */
  readonly helpers: {
    /** `Array.isArray`. */
    readonly isArray: string;
    /** `(list, value) => boolean`: an item of the list is `===` to the value. */
    readonly listHas: string;
  };
}

/** Writes a condition as an expression, or returns undefined to use the general path. */
export type InlineEmitter = (input: InlineInput, prepared: unknown) => string | undefined;

// Inlining is an internal optimisation of built-in operators; plugins cannot supply source
// code, so the table is a WeakMap rather than a public field.
const emitters = new WeakMap<object, InlineEmitter>();

/** Attaches an inline emitter to a built-in operator. */
export function withInline<T extends AnyOperatorDefinition>(
  definition: T,
  emitter: InlineEmitter,
): T {
  emitters.set(definition, emitter);
  return definition;
}

/** The inline emitter of an operator, if it is a built-in that has one. */
export function inlineEmitterOf(definition: AnyOperatorDefinition): InlineEmitter | undefined {
  return emitters.get(definition);
}

/** `typeof fact === "<type>" ? <test> : fact == null ? <missing> : <general>`. */
export function typed(
  input: InlineInput,
  type: 'number' | 'string' | 'boolean',
  test: string,
  missing = 'false',
): string {
  const f = input.fact;
  return `(typeof ${f} === "${type}" ? ${test} : ${f} == null ? ${missing} : ${input.general})`;
}

/**
 * A closure-mode shortcut of a built-in operator: the result for the common fact kinds, or
 * undefined to take the general path (missing facts, other kinds, errors).
 */
export type FastTest = (fact: unknown) => boolean | undefined;

const shortcuts = new WeakMap<object, (prepared: unknown) => FastTest | undefined>();

/** Attaches a closure-mode shortcut factory to a built-in operator. */
export function withFastTest<T extends AnyOperatorDefinition>(
  definition: T,
  factory: (prepared: unknown) => FastTest | undefined,
): T {
  shortcuts.set(definition, factory);
  return definition;
}

/** The closure-mode shortcut of an operator for a prepared value, if it has one. */
export function fastTestOf(
  definition: AnyOperatorDefinition,
  prepared: unknown,
): FastTest | undefined {
  return shortcuts.get(definition)?.(prepared);
}

/** `(list, value) => boolean`: an item of the list is `===` to the value. */
export function listHas(list: readonly unknown[], value: unknown): boolean {
  for (let index = 0; index < list.length; index += 1) if (list[index] === value) return true;
  return false;
}
