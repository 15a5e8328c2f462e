import type { TableLayout } from '@sellkit/core/driver';
import { sqliteDriver } from '../adapters/drivers.js';

// Runs one setup in its own process (see migrate/setup.test.ts): argv = database file, layout JSON.
const [file, layout] = process.argv.slice(2);
if (!file || !layout) throw new Error('usage: setup-worker FILE LAYOUT_JSON');
const driver = sqliteDriver({ file });
try {
  const report = await driver.setup([JSON.parse(layout) as TableLayout]);
  process.stdout.write(JSON.stringify(report));
} finally {
  await driver.close();
}
