import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The README's quickstart is run verbatim: if it stops working, this test says so.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Quickstart'));
const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
const dir = join(new URL('.', import.meta.url).pathname, '.generated');

describe('README quickstart', () => {
  // Only this test's own file: other tests (the guides' code blocks) write beside it.
  const file = join(dir, `quickstart-${process.pid}.ts`);
  afterAll(() => rmSync(file, { force: true }));

  it('runs as written and prints what it says', async () => {
    expect(code, 'the README has a ts block under Quickstart').toBeTruthy();
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, code as string);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(/* @vite-ignore */ file);
      expect(log).toHaveBeenCalledWith(['Cancity renewal: 12500.00 EUR']);
    } finally {
      log.mockRestore();
    }
  });
});
