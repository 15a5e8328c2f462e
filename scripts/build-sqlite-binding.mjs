// Builds better-sqlite3's native binding against the headers that ship with Node itself
// (<node prefix>/include/node), so `pnpm install` never downloads anything but registry
// packages. better-sqlite3's own install script would fetch a prebuilt binary from GitHub and
// then Node's headers from nodejs.org; on a machine that only reaches the package registry both
// fail, so pnpm-workspace.yaml turns that script off and this one runs as the root postinstall.
//
// When the binding cannot be built (no C++ compiler, no headers), the install still succeeds:
// @sellkit/storage-kysely then runs SQLite on libsql, whose binary ships inside its registry
// package. See packages/storage-kysely/README.md ("Which SQLite driver").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromAdapter = createRequire(join(root, 'packages/storage-kysely/package.json'));

function packageDir() {
  try {
    return dirname(requireFromAdapter.resolve('better-sqlite3/package.json'));
  } catch {
    return undefined;
  }
}

/** better-sqlite3 loads its binding lazily, in the Database constructor: open one to check. */
function bindingLoads(dir) {
  const probe = `new (require(${JSON.stringify(dir)}))(':memory:').close()`;
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore' }).status === 0;
}

function nodeGyp(nodePrefix) {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(nodePrefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    join(nodePrefix, 'lib/node_modules/pnpm/dist/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  return candidates.find((file) => typeof file === 'string' && existsSync(file));
}

function fallBack(reason, log) {
  console.log(`better-sqlite3 not built (${reason}); SQLite will run on libsql.`);
  if (log) {
    const logDir = join(root, 'node_modules/.cache/sellkit');
    mkdirSync(logDir, { recursive: true });
    writeFileSync(join(logDir, 'better-sqlite3-build.log'), log);
    console.log(`Build output: ${join(logDir, 'better-sqlite3-build.log')}`);
  }
}

const dir = packageDir();
if (dir === undefined) {
  fallBack('package not installed');
} else if (bindingLoads(dir)) {
  console.log('better-sqlite3 binding ready.');
} else {
  const nodePrefix = resolve(dirname(process.execPath), '..');
  const gyp = nodeGyp(nodePrefix);
  if (!existsSync(join(nodePrefix, 'include/node/node.h'))) {
    fallBack(`no Node headers under ${join(nodePrefix, 'include/node')}`);
  } else if (gyp === undefined) {
    fallBack('node-gyp not found beside npm');
  } else {
    console.log("Building better-sqlite3 against Node's own headers (about a minute)...");
    const build = spawnSync(
      process.execPath,
      [gyp, 'rebuild', '--release', `--nodedir=${nodePrefix}`],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (build.status === 0 && bindingLoads(dir)) {
      console.log('better-sqlite3 binding built.');
    } else {
      fallBack(`node-gyp exited ${build.status}`, `${build.stdout ?? ''}\n${build.stderr ?? ''}`);
    }
  }
}
