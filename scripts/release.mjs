// The release command: `pnpm release` versions the packages from the pending changesets
// (.changeset/*.md), builds them and publishes them with pnpm (which turns `workspace:*` into
// real version ranges); `pnpm release --dry-run` changes nothing and shows what would happen:
// the version bumps the changesets ask for and each package's tarball.
import { spawnSync } from 'node:child_process';

const dryRun = process.argv.includes('--dry-run');

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (dryRun) {
  run('pnpm', ['exec', 'changeset', 'status', '--verbose']);
  run('pnpm', ['build']);
  run('pnpm', ['-r', '--filter', './packages/**', 'publish', '--dry-run', '--no-git-checks']);
  console.log('\nDry run: nothing was versioned or published.');
} else {
  run('pnpm', ['exec', 'changeset', 'version']);
  run('pnpm', ['install', '--lockfile-only']);
  run('pnpm', ['build']);
  run('pnpm', ['exec', 'changeset', 'publish']);
}
