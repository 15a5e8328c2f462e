import { SellkitError } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { CommandGroup, CommandSpec } from '../commands/command.js';
import { memoryIo } from '../test-support/memory-io.js';
import { runCommandLine } from './run-command-line.js';

const echo: CommandSpec = {
  path: ['echo'],
  summary: 'Echo a word',
  positionals: [{ name: 'word', description: 'The word', required: true }],
  options: {
    loud: { type: 'boolean', description: 'Shout' },
    times: { type: 'string', description: 'How often' },
  },
  async run({ args, options, io }) {
    const word = options.loud ? args.word!.toUpperCase() : args.word!;
    io.stdout.write(`${word.repeat(Number(options.times ?? 1))}\n`);
    return 0;
  },
};

const failing: CommandSpec = {
  path: ['group', 'fail'],
  summary: 'Always fails',
  positionals: [],
  options: {},
  async run() {
    throw new SellkitError('NOT_FOUND', 'cannot read x.csv: no such file\nsecond line', {
      file: 'x.csv',
    });
  },
};

const crashing: CommandSpec = {
  path: ['group', 'crash'],
  summary: 'Throws a TypeError',
  positionals: [],
  options: {},
  async run() {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
};

const group: CommandGroup = { name: 'group', summary: 'A group', commands: [failing, crashing] };
const commands = [echo, group];

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await runCommandLine(argv, io, commands);
  return { code, stdout: io.stdout.text(), stderr: io.stderr.text() };
}

describe('runCommandLine', () => {
  it('runs a command with positionals and options', async () => {
    expect(await run(['echo', 'hi', '--loud', '--times', '2'])).toEqual({
      code: 0,
      stdout: 'HIHI\n',
      stderr: '',
    });
  });

  it('prints the main help on --help (exit 0) and on no arguments (exit 2, stderr)', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: sellkit <command>');
    expect(help.stdout).toContain('echo <word>');
    expect(help.stdout).toContain('group fail');
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: sellkit');
  });

  it('prints help for every command and group', async () => {
    const command = await run(['echo', '--help']);
    expect(command.code).toBe(0);
    expect(command.stdout).toContain('Usage: sellkit echo <word> [options]');
    expect(command.stdout).toContain('--loud');
    expect(command.stdout).toContain('--verbose');
    expect((await run(['group', '--help'])).stdout).toContain('sellkit group <fail|crash>');
    expect((await run(['group', 'fail', '-h'])).stdout).toContain('Always fails');
    expect((await run(['help', 'echo'])).stdout).toContain('Usage: sellkit echo');
    // --help wins over a missing required argument.
    expect((await run(['echo', '--help'])).code).toBe(0);
  });

  it('prints the version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['nope'], 'unknown command "nope"'],
    [['echo'], 'missing <word>'],
    [['echo', 'a', 'b'], 'unexpected argument "b"'],
    [['echo', 'a', '--shout'], "Unknown option '--shout'"],
    [['echo', 'a', '--times'], "Option '--times <value>' argument missing"],
    [['echo', 'a', '--times', ''], '--times needs a value'],
    [['group'], ''],
    [['group', 'other'], 'unknown group command "other"'],
    [['--db', 'x'], 'expected a command before --db'],
  ])('usage error %j exits 2 with one line', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    if (message) {
      expect(stderr).toContain(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^sellkit: .*--help\)\n$/);
    }
  });

  it('prints a failure as one line, exit 1, no stack trace', async () => {
    const { code, stderr } = await run(['group', 'fail']);
    expect(code).toBe(1);
    expect(stderr).toBe('sellkit: cannot read x.csv: no such file second line\n');
  });

  it('never prints a stack trace for an unexpected error unless --verbose', async () => {
    const quiet = await run(['group', 'crash']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe("sellkit: Cannot read properties of undefined (reading 'x')\n");
    const verbose = await run(['group', 'crash', '--verbose']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr.split('\n')[0]).toBe(
      "sellkit: Cannot read properties of undefined (reading 'x')",
    );
    expect(verbose.stderr).toContain('TypeError');
    expect(verbose.stderr).toContain('    at ');
    const detailed = await run(['group', 'fail', '-v']);
    expect(detailed.stderr).toContain('code: NOT_FOUND');
    expect(detailed.stderr).toContain('"file":"x.csv"');
  });
});
