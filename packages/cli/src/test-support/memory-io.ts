import type { CliIo, OutputStream } from '../cli/io.js';

/** A stream that keeps what is written, for tests. */
export interface MemoryStream extends OutputStream {
  readonly text: () => string;
}

/** An in-memory stream; `isTTY` pretends to be a terminal. */
export function memoryStream(isTTY = false, columns = 100): MemoryStream {
  const chunks: string[] = [];
  return {
    isTTY,
    columns,
    write(text: string) {
      chunks.push(text);
      return true;
    },
    text: () => chunks.join(''),
  };
}

/** A CliIo writing to memory, for running commands in-process in tests. */
export function memoryIo(
  options: { cwd?: string; tty?: boolean; env?: Record<string, string | undefined> } = {},
): CliIo & { stdout: MemoryStream; stderr: MemoryStream } {
  return {
    stdout: memoryStream(options.tty ?? false),
    stderr: memoryStream(options.tty ?? false),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { NO_COLOR: '1' },
  };
}
