import { compileRuleSet, type ScoreResult } from '@sellkit/core';
import { scoreByHand } from './handwritten.js';
import { jreEngine } from './jre.js';
import { benchRuleSet, generateFacts, type OpportunityFacts } from './rules.js';

// Prints one JSON line: nanoseconds per evaluation of the same 30 rules over the same 100,000
// generated opportunities, for each contender, measured in one process.
const FACTS = 100_000;
const JRE_SAMPLE = 2_000;
const ROUNDS = 7;

const facts = generateFacts(FACTS);
const compiled = compileRuleSet(benchRuleSet, { mode: 'function' });
const closures = compileRuleSet(benchRuleSet, { mode: 'closures' });
const engine = jreEngine(benchRuleSet);

type Scorer = (item: OpportunityFacts) => ScoreResult | { total: number };

let sink = 0;

function pass(score: Scorer, list: readonly OpportunityFacts[]): number {
  const start = process.hrtime.bigint();
  for (const item of list) sink += score(item).total;
  return Number(process.hrtime.bigint() - start) / list.length;
}

// The median of several rounds after a warm-up round, so one GC pause does not decide.
function measure(
  score: Scorer,
  list: readonly OpportunityFacts[] = facts,
  rounds = ROUNDS,
): number {
  pass(score, list);
  const times = Array.from({ length: rounds }, () => pass(score, list)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function measureJre(list: readonly OpportunityFacts[]): Promise<number> {
  const run = async () => {
    const start = process.hrtime.bigint();
    for (const item of list) sink += (await engine.run(item)).events.length;
    return Number(process.hrtime.bigint() - start) / list.length;
  };
  await run();
  const times = [await run(), await run(), await run()].sort((a, b) => a - b);
  return times[1] as number;
}

async function agree(): Promise<boolean> {
  for (const item of facts.slice(0, JRE_SAMPLE)) {
    const expected = scoreByHand(item);
    for (const result of [compiled.score(item), closures.score(item), compiled.explain(item)]) {
      if (JSON.stringify({ ...result, rules: undefined }) !== JSON.stringify(expected))
        return false;
    }
    // json-rules-engine reports events in completion order, not rule order.
    const events = (await engine.run(item)).events.map((event) => event.type).sort();
    if (events.join() !== [...expected.fired].sort().join()) return false;
  }
  return true;
}

const same = await agree();
const handwritten = measure(scoreByHand);
const compiledNs = measure((item) => compiled.score(item));
const closuresNs = measure((item) => closures.score(item));
const explainNs = measure((item) => compiled.explain(item), facts, 3);
const jreNs = await measureJre(facts.slice(0, JRE_SAMPLE));
const conditions = JSON.stringify(benchRuleSet.rules).match(/"operator"/g)?.length ?? 0;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

console.log(
  JSON.stringify({
    benchmark: 'scoring',
    rules: benchRuleSet.rules.length,
    conditions,
    facts: FACTS,
    ns_per_eval: round(compiledNs),
    ns_per_eval_closures: round(closuresNs),
    ns_per_eval_explain: round(explainNs),
    jre_ns_per_eval: round(jreNs, 0),
    jre_sample: JRE_SAMPLE,
    handwritten_ns_per_eval: round(handwritten),
    ratio_vs_jre: round(jreNs / compiledNs, 0),
    ratio_closures_vs_jre: round(jreNs / closuresNs, 0),
    ratio_vs_handwritten: round(compiledNs / handwritten, 2),
    results_agree: same,
    node: process.version,
    checksum: sink,
  }),
);
