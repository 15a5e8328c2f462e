// The packed-install test: what a host gets from `npm install @sellkit/...`. Packs every package
// (pnpm pack turns `workspace:*` into version ranges), installs the tarballs into a fresh project
// outside the workspace (its own package.json, no workspace links, only the npm registry), then
// type-checks and runs host code against them: test/packed/host-app.ts (the README quickstart on
// memory, SQLite and PostgreSQL when SELLKIT_PG_URL is set) and each example's code from
// examples/*/src, once at each end of the kysely range storage-kysely supports. Finally
// @arethetypeswrong/cli checks every tarball's types.
//
//   node scripts/packed-install.mjs        (after `pnpm build`; CI runs it under with-postgres)
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const rootManifest = readJson(join(root, 'package.json'));
const adapterManifest = readJson(join(root, 'packages/storage-kysely/package.json'));

function run(command, args, cwd, extraEnv = {}) {
  console.log(`\n[packed] $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  if (result.status !== 0) {
    console.error(`[packed] failed: ${command} ${args.join(' ')} (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'sellkit-packed-'));
const tarballs = join(work, 'tarballs');
const host = join(work, 'host');
mkdirSync(tarballs);
mkdirSync(join(host, 'src'), { recursive: true });

try {
  run('pnpm', ['-r', '--filter', './packages/**', 'pack', '--pack-destination', tarballs], root);
  const packed = readdirSync(tarballs).filter((file) => file.endsWith('.tgz'));

  // Both ends of the kysely peer range of storage-kysely (">=0.29.0 <0.30.0"): its first
  // release, and the newest published one. Update `highest` when kysely releases a 0.29.x.
  const [lowest, highest] = ['0.29.0', '0.29.9'];

  // The examples' own third-party dependencies (hono, zod, ...) come from the registry too.
  const exampleDeps = {};
  const examplesDir = join(root, 'examples');
  const examples = existsSync(examplesDir)
    ? readdirSync(examplesDir).filter((name) => existsSync(join(examplesDir, name, 'package.json')))
    : [];
  for (const name of examples) {
    const manifest = readJson(join(examplesDir, name, 'package.json'));
    for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!dep.startsWith('@sellkit/')) exampleDeps[dep] = range;
    }
    cpSync(join(examplesDir, name, 'src'), join(host, 'src', 'examples', name), {
      recursive: true,
      filter: (source) => !/\.test\.ts$/.test(source),
    });
  }
  cpSync(join(root, 'test/packed/host-app.ts'), join(host, 'src/host-app.ts'));

  const sellkit = Object.fromEntries(
    packed.map((file) => {
      const name = `@sellkit/${file.replace(/^sellkit-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`;
      return [name, `file:${join(tarballs, file)}`];
    }),
  );
  writeFileSync(
    join(host, 'package.json'),
    `${JSON.stringify(
      {
        name: 'sellkit-packed-host',
        private: true,
        type: 'module',
        dependencies: {
          ...exampleDeps,
          ...sellkit,
          kysely: highest,
          // The registry-only SQLite binding: no native build, as on a locked-down machine.
          libsql: adapterManifest.peerDependencies.libsql,
          pg: adapterManifest.peerDependencies.pg,
        },
        devDependencies: {
          '@arethetypeswrong/cli': '^0.18.5',
          '@types/node': rootManifest.devDependencies['@types/node'],
          '@types/pg': '^8.23.1',
          tsx: rootManifest.devDependencies.tsx,
          typescript: rootManifest.devDependencies.typescript,
        },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(host, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        include: ['src/**/*.ts'],
      },
      null,
      2,
    )}\n`,
  );

  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], host);
  for (const version of [highest, lowest]) {
    if (version !== highest) {
      run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `kysely@${version}`], host);
    }
    console.log(`\n[packed] kysely ${version}`);
    run('npx', ['tsc', '-p', '.'], host);
    run('npx', ['tsx', 'src/host-app.ts'], host);
    // The installed bin, as a host runs it: a database made, then a report read from it.
    rmSync(join(host, 'packed.db'), { force: true });
    run('npx', ['sellkit', 'migrate', '--db', 'packed.db'], host);
    run('npx', ['sellkit', 'report', 'pipeline', '--db', 'packed.db', '--json'], host);
    for (const name of examples) {
      const main = join(host, 'src', 'examples', name, 'main.ts');
      // A server example answers one request and stops (SELLKIT_EXAMPLE_ONESHOT).
      if (existsSync(main))
        run('npx', ['tsx', main], host, { PORT: '0', SELLKIT_EXAMPLE_ONESHOT: '1' });
    }
  }

  // Types as every resolution mode sees them. The packages are ESM only: the esm-only profile
  // leaves out node10 and CommonJS-from-ESM, which the package READMEs explain.
  for (const file of packed) {
    run(
      'npx',
      ['attw', join(tarballs, file), '--profile', 'esm-only', '--format', 'table-flipped'],
      host,
    );
  }
  console.log(`\n[packed] ${packed.length} packages installed from their tarballs and checked.`);
} finally {
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else console.log(`[packed] kept ${work}`);
}
