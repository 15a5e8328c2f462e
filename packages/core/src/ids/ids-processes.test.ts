import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isId } from './ids.js';

const PER_PROCESS = 20_000;
const moduleUrl = new URL('./ids.ts', import.meta.url).href;

// Each child loads the TypeScript source through tsx, says it is ready, and waits for "go" so
// both generate at the same moment: the case where random bits alone must keep ids apart.
const childScript = `
const { newId } = await import(${JSON.stringify(moduleUrl)});
process.stdout.write('ready\\n');
process.stdin.once('data', () => {
  const ids = [];
  for (let index = 0; index < ${PER_PROCESS}; index += 1) ids.push(newId('cus'));
  process.stdout.write(ids.join('\\n') + '\\n', () => process.exit(0));
});
`;

interface Child {
  ready: Promise<void>;
  go(): void;
  ids: Promise<string[]>;
}

function startChild(): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', childScript],
    {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let errors = '';
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    signalReady = resolve;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    if (output.startsWith('ready\n')) signalReady();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    errors += chunk;
  });
  const ids = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`child exited with ${code}: ${errors}`));
      else resolve(output.split('\n').slice(1).filter(Boolean));
    });
  });
  // A child that dies before it is ready must fail the test, not hang it.
  const readyOrFailed = Promise.race([ready, ids.then(() => undefined)]);
  return { ready: readyOrFailed, go: () => child.stdin.end('go\n'), ids };
}

describe('ids across processes', () => {
  it('two processes generating at once never collide', async () => {
    const children = [startChild(), startChild()];
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();
    const [first, second] = await Promise.all(children.map((child) => child.ids));
    if (!first || !second) throw new Error('missing child output');

    for (const ids of [first, second]) {
      expect(ids).toHaveLength(PER_PROCESS);
      expect(ids.every((id) => isId(id, 'cus'))).toBe(true);
      // Within each process, creation order is string order.
      expect([...ids].sort()).toEqual(ids);
    }
    const all = new Set([...first, ...second]);
    expect(all.size).toBe(2 * PER_PROCESS);
  });
});
