import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from './support/build-cli.js';
import { sqliteCount } from './support/databases.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('locale');
const db = 'zh.db';

/** The JSON of a run, without what moves from one run to the next (elapsed time, generated). */
function stable(stdout: string): unknown {
  const {
    elapsedSeconds: _elapsed,
    generated: _generated,
    rows: _rows,
    ...rest
  } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
}

beforeAll(async () => {
  await ensureBuiltCli();
}, 180_000);

describe('sellkit demo --locale zh-CN (built CLI)', { timeout: 180_000 }, () => {
  it('builds a Chinese tenant and prints its summary in Chinese', async () => {
    const { code, stdout, stderr } = await runBuiltCli(
      ['demo', '--locale', 'zh-CN', '--size', 'tiny', '--db', db, '--quiet'],
      { cwd },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const heading of [
      'Sellkit 演示租户“default”',
      '各阶段销售管道：',
      '按预计成交月份的加权预测（进行中的商机）：',
      '赢单率最高的销售（至少 3 个已结束商机）：',
      '评分最高的进行中商机及原因：',
    ]) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toMatch(/^赢单收入 +¥[\d,]+\.\d\d（\d+ 个商机）$/m);
    expect(stdout).toMatch(/^潜在客户 +\d+ +¥[\d,]+\.\d\d/m);
    expect(stdout).toMatch(/\d{4}年\d{1,2}月/);
    expect(stdout).toMatch(
      /已生成 .*zh\.db：12 家公司、\d+ 位联系人、[\d,]+ 次互动、\d+ 个商机（[\d,]+ 行），用时 \d+\.\d 秒。/,
    );
    expect(stdout).not.toContain('USD');
    const file = join(cwd, db);
    expect(sqliteCount(file, 'sk_company')).toBe(12);
    expect(sqliteCount(file, 'sk_company', "country = 'CN'")).toBe(12);
    expect(sqliteCount(file, 'sk_company', "name LIKE '%有限公司'")).toBe(12);
  });

  it('takes its locale from LANG when --locale is not given', async () => {
    const chinese = await runBuiltCli(['report', 'pipeline', '--db', db], {
      cwd,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(chinese.code).toBe(0);
    expect(chinese.stdout).toContain('销售管道报表');
    expect(chinese.stdout).toMatch(/^加权管道金额 +¥[\d,]+\.\d\d$/m);
    const customers = await runBuiltCli(['report', 'customers', '--db', db], {
      cwd,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(customers.stdout).toContain('按生命周期阶段统计的公司：');
    expect(customers.stdout).toMatch(/^(线索|潜在客户|客户|已流失) +\d+$/m);
    expect(customers.stdout).toMatch(/^\d{4}年\d{1,2}月 +\d+/m);
    const c = await runBuiltCli(['report', 'pipeline', '--db', db], { cwd, env: { LANG: 'C' } });
    expect(c.stdout).toContain('Pipeline report');
    expect(c.stdout).toMatch(/^weighted pipeline +CN¥[\d,]+\.\d\d$/m);
    const both = await runBuiltCli(['report', 'pipeline', '--db', db], {
      cwd,
      env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
    });
    expect(both.stdout).toContain('销售管道报表');
  });

  it('--json and --csv are the same whatever the locale', async () => {
    for (const args of [
      ['report', 'pipeline', '--db', db, '--json'],
      ['report', 'customers', '--db', db, '--csv'],
      ['report', 'pipeline', '--db', db, '--csv', '--section', 'stages'],
    ]) {
      const english = await runBuiltCli(args, { cwd });
      const chinese = await runBuiltCli([...args, '--locale', 'zh-CN'], { cwd });
      const fromLang = await runBuiltCli(args, { cwd, env: { LANG: 'zh_CN.UTF-8' } });
      expect(english.code).toBe(0);
      expect(chinese.stdout).toBe(english.stdout);
      expect(fromLang.stdout).toBe(english.stdout);
    }
    const json = JSON.parse(
      (
        await runBuiltCli(['report', 'pipeline', '--db', db, '--json', '--locale', 'zh-CN'], {
          cwd,
        })
      ).stdout,
    );
    expect(json.title).toBe('Pipeline report');
    expect(json['won revenue']).toMatch(/^\d+\.\d\d CNY$/);
    const demoEnglish = await runBuiltCli(['demo', '--db', db, '--json', '--quiet'], { cwd });
    const demoChinese = await runBuiltCli(
      ['demo', '--db', db, '--json', '--quiet', '--locale', 'zh-CN'],
      { cwd },
    );
    expect(stable(demoChinese.stdout)).toEqual(stable(demoEnglish.stdout));
    expect((stable(demoChinese.stdout) as { title: string }).title).toBe(
      'Sellkit demo tenant "default"',
    );
  });

  it('refuses a bad --locale as a usage error, before anything is written', async () => {
    const demo = await runBuiltCli(['demo', '--locale', 'xx-!!', '--db', 'never.db'], { cwd });
    expect(demo.code).toBe(2);
    expect(demo.stdout).toBe('');
    expect(demo.stderr).toBe(
      'sellkit: --locale must be a BCP 47 language tag this Node.js supports, like zh-CN or en-US (got "xx-!!") (see sellkit demo --help)\n',
    );
    expect(existsSync(join(cwd, 'never.db'))).toBe(false);
    const report = await runBuiltCli(['report', 'pipeline', '--db', db, '--locale', 'xx-!!'], {
      cwd,
    });
    expect(report.code).toBe(2);
    expect(report.stdout).toBe('');
    expect(report.stderr).toContain('--locale must be a BCP 47 language tag');
  });

  it('refuses an unknown --time-zone as a usage error, before anything is written', async () => {
    const demo = await runBuiltCli(['demo', '--time-zone', 'Mars/Olympus', '--db', 'never.db'], {
      cwd,
    });
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('--time-zone Mars/Olympus is not an IANA time zone');
    expect(existsSync(join(cwd, 'never.db'))).toBe(false);
  });

  it('reads a report in the tenant time zone given by --time-zone', async () => {
    const report = await runBuiltCli(
      ['report', 'customers', '--db', db, '--time-zone', 'Asia/Shanghai', '--json'],
      { cwd },
    );
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ report: 'customers' });
  });
});
