import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_DIR, ensureBuiltCli } from './support/build-cli.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('help');

beforeAll(async () => {
  await ensureBuiltCli();
}, 180_000);

const COMMANDS = [
  ['demo'],
  ['migrate'],
  ['import', 'maven-crm'],
  ['import', 'companies'],
  ['import', 'contacts'],
  ['report', 'pipeline'],
  ['report', 'customers'],
];

describe('sellkit --help, --version and usage errors (built CLI)', { timeout: 180_000 }, () => {
  it('prints the main help and lists every command', async () => {
    const { code, stdout, stderr } = await runBuiltCli(['--help'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const command of COMMANDS) expect(stdout).toContain(command.join(' '));
    expect(stdout).toContain('Exit codes: 0 success, 1 failure, 2 usage error.');
  });

  it.each(COMMANDS)('prints help for %s %s', async (...command) => {
    const words = command.filter((word): word is string => typeof word === 'string');
    const { code, stdout } = await runBuiltCli([...words, '--help'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: sellkit ${words.join(' ')}`);
    expect(stdout).toContain('--verbose');
  });

  it('prints the help of a group', async () => {
    const { code, stdout } = await runBuiltCli(['import', '--help'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('maven-crm');
    expect(stdout).toContain('companies');
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as {
      version: string;
    };
    const { code, stdout } = await runBuiltCli(['--version'], { cwd });
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [[], 'Usage: sellkit'],
    [['frobnicate'], 'sellkit: unknown command "frobnicate"'],
    [['report'], 'Usage: sellkit report'],
    [['report', 'sales'], 'sellkit: unknown report command "sales"'],
    [['migrate', '--db'], "sellkit: Option '--db <value>' argument missing"],
    [['migrate', '--dbx', 'a.db'], "sellkit: Unknown option '--dbx'"],
    [['migrate'], 'sellkit: --db <file | postgres://url> is required'],
    [
      ['report', 'pipeline', '--db', 'x.db', '--json', '--csv'],
      'sellkit: choose one of --json and --csv',
    ],
    [['import', 'companies'], 'sellkit: missing <csv>'],
    [['demo', '--size', 'huge'], 'sellkit: --size must be'],
  ])('exits 2 on the usage error %j', async (args, message) => {
    const { code, stdout, stderr } = await runBuiltCli(args, { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    if (message.startsWith('sellkit:')) {
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
