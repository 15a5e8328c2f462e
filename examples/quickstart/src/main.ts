import { run } from './quickstart.js';

const report = await run();
console.log('created on SQLite (in memory):', report.created);
console.log('deals of 10,000 EUR or more:', report.big);
console.log('deals another rep of the tenant sees:', report.seenByOtherRep);
