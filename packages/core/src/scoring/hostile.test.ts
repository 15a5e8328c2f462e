import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSellkitError } from '../errors/sellkit-error.js';
import { compileRuleSet } from './compile.js';
import { assertSafeSource } from './compile-function.js';
import { defineRuleSet } from './define-rule-set.js';
import type { RuleSet } from './schema.js';
import { bothModes, oneRule } from './test-helpers.js';

// Strings an attacker with rule-set write access might try: each would run code or reach a
// prototype if the compiler spliced it into source or walked it as a property path.
const PAYLOADS = [
  '"',
  "'",
  '`',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${globalThis.__pwned = 1}',
  '`); globalThis.__pwned = 1; (`',
  '"); globalThis.__pwned = 1; ("',
  "'); globalThis.__pwned = 1; ('",
  '*/ globalThis.__pwned = 1; /*',
  '\\", globalThis.__pwned = 1, "',
  '\u2028globalThis.__pwned = 1',
  '</script><script>globalThis.__pwned = 1</script>',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'constructor.constructor("globalThis.__pwned = 1")()',
];

type Entry = Record<string, unknown>;
interface EditableRuleSet extends Entry {
  rules: [{ condition: { all: [Entry, Entry] }; outcome: Entry } & Entry];
  bands: [Entry, Entry];
}

function baseRuleSet(): EditableRuleSet {
  return JSON.parse(
    JSON.stringify({
      id: 'safe',
      version: 1,
      description: 'd',
      rules: [
        {
          id: 'r',
          description: 'd',
          condition: {
            all: [
              { fact: 'a.b', operator: 'eq', value: 'x' },
              { fact: 'n', operator: 'in', value: ['x', 1] },
            ],
          },
          outcome: { points: 2, tag: 't' },
        },
      ],
      bands: [
        { label: 'l', min: 1, priority: 1 },
        { label: 'm', priority: 2 },
      ],
    }),
  );
}

type Mutation = (ruleSet: EditableRuleSet, payload: string) => void;
const FIELDS: Record<string, Mutation> = {
  'rule set id': (r, p) => Object.assign(r, { id: p }),
  'rule set description': (r, p) => Object.assign(r, { description: p }),
  'rule id': (r, p) => Object.assign(r.rules[0], { id: p }),
  'rule description': (r, p) => Object.assign(r.rules[0], { description: p }),
  'fact path': (r, p) => Object.assign(r.rules[0].condition.all[0], { fact: p }),
  'computed fact': (r, p) => Object.assign(r.rules[0].condition.all[0], { fact: `$${p}` }),
  operator: (r, p) => Object.assign(r.rules[0].condition.all[0], { operator: p }),
  'eq value': (r, p) => Object.assign(r.rules[0].condition.all[0], { value: p }),
  'in value': (r, p) => Object.assign(r.rules[0].condition.all[1], { value: [p, p, 1] }),
  'matches value': (r, p) =>
    Object.assign(r.rules[0].condition.all[0], { operator: 'matches', value: p }),
  tag: (r, p) => Object.assign(r.rules[0].outcome, { tag: p }),
  'band label': (r, p) => Object.assign(r.bands[0], { label: p }),
};

const globals = globalThis as { __pwned?: unknown };
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join();

describe('hostile rule sets', () => {
  const sources: string[] = [];
  afterEach(() => {
    vi.unstubAllGlobals();
    sources.length = 0;
  });

  it.each(Object.keys(FIELDS))('run nothing and touch no prototype through the %s', (field) => {
    const RealFunction = Function;
    vi.stubGlobal('Function', function capture(...args: string[]) {
      const source = args[args.length - 1] ?? '';
      // zod compiles its own parsers with new Function too; only the scoring code is checked.
      if (source.includes('return function run(')) sources.push(source);
      return RealFunction(...args);
    });
    const before = prototypeKeys();
    let accepted = 0;
    for (const payload of PAYLOADS) {
      const input = baseRuleSet();
      FIELDS[field]?.(input, payload);
      let ruleSet: RuleSet;
      try {
        ruleSet = defineRuleSet(input);
      } catch (error) {
        // Refusing is fine, as long as it is a SellkitError and not a crash.
        expect(isSellkitError(error, 'VALIDATION_FAILED')).toBe(true);
        continue;
      }
      accepted += 1;
      const facts = JSON.parse(
        '{"a":{"b":"x","__proto__":{"polluted":1}},"n":"x","__proto__":{"polluted":1}}',
      );
      for (const compiled of bothModes(ruleSet)) {
        const result = compiled.score(facts);
        const explanation = compiled.explain(facts);
        expect(explanation.total).toBe(result.total);
        expect(compiled.scoreMany([facts, {}])).toHaveLength(2);
        if (field === 'rule id') expect(result.fired).toEqual(result.total > 0 ? [payload] : []);
        if (field === 'tag' && result.total > 0) expect(result.tags).toEqual([payload]);
        if (field === 'band label' && result.total > 0) expect(result.band).toBe(payload);
      }
    }
    expect(globals.__pwned).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(prototypeKeys()).toBe(before);
    expect(sources.length).toBe(accepted);
    for (const source of sources) {
      for (const payload of PAYLOADS.filter((text) => text.length > 2 && !/^\w+$/.test(text))) {
        expect(source).not.toContain(payload);
      }
      expect(() => assertSafeSource(source)).not.toThrow();
    }
  });

  it('reads own properties only: prototype paths resolve to undefined', () => {
    const facts = JSON.parse('{"a":{"__proto__":{"x":1}},"__proto__":{"x":1},"list":[1]}');
    for (const fact of [
      '__proto__',
      '__proto__.x',
      'a.__proto__.x',
      'constructor',
      'constructor.name',
      'a.constructor.prototype',
      'toString',
      'hasOwnProperty',
      'a.valueOf',
      'list.map',
      'list.constructor',
    ]) {
      for (const compiled of bothModes(oneRule({ fact, operator: 'exists' }))) {
        expect(compiled.score(facts).total, fact).toBe(0);
        expect(
          compiled.score(
            new (class Facts {
              get toString() {
                return 'x';
              }
            })(),
          ).total,
          fact,
        ).toBe(0);
      }
    }
    for (const compiled of bothModes(oneRule({ fact: 'list.0', operator: 'eq', value: 1 }))) {
      expect(compiled.score(facts).total).toBe(1);
    }
    const inherited = Object.create({ amount: 5 });
    for (const compiled of bothModes(oneRule({ fact: 'amount', operator: 'exists' }))) {
      expect(compiled.score(inherited).total).toBe(0);
      expect(compiled.score({ amount: 5 }).total).toBe(1);
      expect(compiled.score(Object.assign(Object.create(null), { amount: 5 })).total).toBe(1);
    }
  });

  it('refuses rule-side values that smuggle a __proto__ key', () => {
    const value = JSON.parse('{"amount":"1","currency":"EUR","__proto__":{"polluted":1}}');
    expect(() => compileRuleSet(oneRule({ fact: 'a', operator: 'eq', value }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('checks generated source before compiling it', () => {
    expect(() => assertSafeSource('"use strict"; return k0 === k1;')).not.toThrow();
    for (const bad of [
      'return "x"',
      "return 'x'",
      'return `x`',
      'return /x/',
      'a\\u0041',
      'x // y',
    ]) {
      expect(() => assertSafeSource(bad), bad).toThrow(
        expect.objectContaining({ code: 'CONFIGURATION_INVALID' }),
      );
    }
  });
});
