import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from './support/build-cli.js';
import { sqliteCount } from './support/databases.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('tenant-zone');
const SETTINGS = 'sk_cli_tenant_settings';

/** How many settings rows of the default tenant hold `zone` (and how many in all). */
function storedZone(db: string, zone: string): { matching: number; all: number } {
  const file = join(cwd, db);
  return {
    matching: sqliteCount(file, SETTINGS, `time_zone = '${zone}'`),
    all: sqliteCount(file, SETTINGS),
  };
}

beforeAll(async () => {
  await ensureBuiltCli();
}, 180_000);

describe('the tenant time zone is remembered per tenant (built CLI)', { timeout: 180_000 }, () => {
  it('the zh-CN demo remembers Asia/Shanghai: reports read it without --time-zone', async () => {
    const demo = await runBuiltCli(
      ['demo', '--locale', 'zh-CN', '--size', 'tiny', '--db', 'zh.db', '--quiet'],
      { cwd },
    );
    expect(demo.code).toBe(0);
    expect(demo.stderr).toBe('');
    expect(storedZone('zh.db', 'Asia/Shanghai')).toEqual({ matching: 1, all: 1 });
    for (const format of [[], ['--json'], ['--csv']]) {
      const remembered = await runBuiltCli(['report', 'pipeline', '--db', 'zh.db', ...format], {
        cwd,
      });
      const explicit = await runBuiltCli(
        ['report', 'pipeline', '--db', 'zh.db', '--time-zone', 'Asia/Shanghai', ...format],
        { cwd },
      );
      expect(remembered.code).toBe(0);
      expect(explicit.code).toBe(0);
      // The same zone as stored: nothing to say, nothing written.
      expect(explicit.stderr).toBe('');
      expect(remembered.stdout).toBe(explicit.stdout);
    }
    expect(storedZone('zh.db', 'Asia/Shanghai')).toEqual({ matching: 1, all: 1 });
  });

  it('an explicit --time-zone overrides the stored one and is remembered', async () => {
    const changed = await runBuiltCli(
      ['report', 'pipeline', '--db', 'zh.db', '--time-zone', 'america/new_york', '--json'],
      { cwd },
    );
    expect(changed.code).toBe(0);
    expect(changed.stderr).toBe(
      'sellkit: tenant "default" time zone changed from Asia/Shanghai to America/New_York (remembered)\n',
    );
    expect(storedZone('zh.db', 'America/New_York')).toEqual({ matching: 1, all: 1 });
    const after = await runBuiltCli(['report', 'pipeline', '--db', 'zh.db', '--json'], { cwd });
    expect(after.stderr).toBe('');
    expect(after.stdout).toBe(changed.stdout);
    // Re-running the demo on it keeps the remembered zone, not the profile's.
    const demo = await runBuiltCli(
      ['demo', '--locale', 'zh-CN', '--db', 'zh.db', '--quiet', '--json'],
      { cwd },
    );
    expect(demo.code).toBe(0);
    expect(storedZone('zh.db', 'America/New_York')).toEqual({ matching: 1, all: 1 });
  });

  it('an unknown --time-zone is a usage error and nothing is written', async () => {
    const bad = await runBuiltCli(
      ['report', 'pipeline', '--db', 'zh.db', '--time-zone', 'Mars/Olympus'],
      { cwd },
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--time-zone Mars/Olympus is not an IANA time zone');
    expect(storedZone('zh.db', 'America/New_York')).toEqual({ matching: 1, all: 1 });
  });

  it('keeps UTC for an English tenant, and remembers a zone per tenant', async () => {
    const demo = await runBuiltCli(['demo', '--size', 'tiny', '--db', 'en.db', '--quiet'], {
      cwd,
    });
    expect(demo.code).toBe(0);
    expect(demo.stderr).toBe('');
    expect(storedZone('en.db', 'UTC')).toEqual({ matching: 1, all: 1 });
    const remembered = await runBuiltCli(['report', 'customers', '--db', 'en.db', '--json'], {
      cwd,
    });
    const utc = await runBuiltCli(
      ['report', 'customers', '--db', 'en.db', '--json', '--time-zone', 'UTC'],
      { cwd },
    );
    expect(utc.stderr).toBe('');
    expect(remembered.stdout).toBe(utc.stdout);
    // Another tenant of the same file gets its own row; the default tenant's is untouched.
    const other = await runBuiltCli(
      [
        'report',
        'customers',
        '--db',
        'en.db',
        '--tenant',
        'berlin',
        '--time-zone',
        'Europe/Berlin',
        '--json',
      ],
      { cwd },
    );
    expect(other.code).toBe(0);
    expect(other.stderr).toBe(
      'sellkit: tenant "berlin" now has time zone Europe/Berlin (remembered for later commands)\n',
    );
    expect(storedZone('en.db', 'UTC').matching).toBe(1);
    expect(storedZone('en.db', 'Europe/Berlin').matching).toBe(1);
  });
});
