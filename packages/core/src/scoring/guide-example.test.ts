// The worked example of docs/scoring.md ("Extending: a plugin with an operator, a fact and a rule
// pack"), read from the guide itself and run, so the guide cannot drift from the code.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import * as core from '../index.js';

const guide = readFileSync(new URL('../../../../docs/scoring.md', import.meta.url), 'utf8');
const section = guide.slice(guide.indexOf('## Extending'));
const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

interface GuideExample {
  industryScoring: { scoring: core.ScoringContribution };
  industryPackJson: unknown;
  registry: core.ScoringRegistry;
  compiled: core.CompiledRuleSet;
  guideResult: core.ScoreResult;
}

/** Runs the guide's block as written, keeping what it defines and the result of its last call. */
function runGuideBlock(): GuideExample {
  const lastCall = block.lastIndexOf('\ncompiled.score(');
  expect(lastCall, 'the block ends by scoring a company').toBeGreaterThan(0);
  const source = `${block.slice(0, lastCall)}\nexport const guideResult = ${block.slice(lastCall + 1)}\nexport { registry, compiled };\n`;
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const modules: Record<string, unknown> = { '@sellkit/core': core, zod };
  const exports: Record<string, unknown> = {};
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`the guide imports ${name}, unknown to this test`);
    return modules[name];
  };
  new Function('require', 'exports', outputText)(require, exports);
  return exports as unknown as GuideExample;
}

describe('the scoring guide example', () => {
  it('is in the guide', () => {
    expect(block).toContain('definePlugin({');
    expect(block).toContain('industryPackJson');
  });

  it('registers the plugin, validates the pack, scores and explains', () => {
    const { compiled, guideResult, industryPackJson, industryScoring } = runGuideBlock();
    expect(industryScoring.scoring.operators?.map((operator) => operator.name)).toEqual([
      'hasAnyOf',
    ]);
    expect(guideResult).toEqual({
      ruleSetId: 'industry-pack',
      ruleSetVersion: 1,
      total: 45,
      band: 'hot',
      priority: 1,
      tags: ['integration'],
      fired: ['erp-footprint', 'target-industry', 'big-budget'],
    });
    // The result the guide prints under the call.
    expect(block).toContain(
      "// { total: 45, band: 'hot', priority: 1, tags: ['integration'],\n//   fired: ['erp-footprint', 'target-industry', 'big-budget']",
    );

    const company = {
      industry: 'manufacturing',
      employees: 120,
      systems: ['sap', 'excel'],
      budget: core.Money.of('90000', 'USD'),
    };
    const why = compiled.explain({ company });
    expect(why.rules.find((rule) => rule.id === 'big-budget')?.condition.reason).toContain(
      'currency USD',
    );

    // "Without the plugin's registry, defineRuleSet(industryPackJson) fails with ..."
    expect(section).toContain('`unknown operator "hasAnyOf"`');
    expect(() => core.defineRuleSet(industryPackJson)).toThrow(/unknown operator "hasAnyOf"/);
  });
});
