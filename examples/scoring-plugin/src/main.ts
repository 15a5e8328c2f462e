import { run } from './scored-deal.js';

const report = await run();
console.log(
  `deal ${report.dealId}: score ${report.score}, band ${report.band}, priority ${report.priority}`,
);
console.log('tags:', report.tags);
console.log('why (stored on the deal):');
for (const reason of report.stored?.reasons ?? []) {
  console.log(`  ${reason.points > 0 ? '+' : ''}${reason.points}  ${reason.text}`);
}
console.log('every rule (explainScore):');
for (const line of report.rules) {
  const outcome = line.fired ? `fired, ${line.points} points` : 'did not fire';
  const reason = line.reason ? ` (${line.reason})` : '';
  console.log(`  ${line.rule}: ${outcome}; read ${line.facts.join(', ')}${reason}`);
}
