import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One Vitest project per package, so a run can be filtered with `--project core` and
// every package resolves its siblings to `src/` through the `sellkit-source` condition.
const packages = readdirSync(new URL('./packages', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default defineConfig({
  resolve: { conditions: ['sellkit-source'] },
  ssr: { resolve: { conditions: ['sellkit-source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          include: [`packages/${name}/src/**/*.test.ts`, `packages/${name}/test/**/*.test.ts`],
        },
      })),
      {
        extends: true as const,
        test: { name: 'repo', include: ['test/**/*.test.ts', 'examples/*/src/**/*.test.ts'] },
      },
    ],
  },
});
