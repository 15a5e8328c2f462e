import type { OutputStream } from '../cli/io.js';

/** A progress report on stderr for a long job, in phases (`companies`, `opportunities`...). */
export interface Progress {
  /** Starts a phase; `total` when known. Ends the previous phase's line. */
  phase(label: string, total?: number): void;
  /**
   * Work done in the current phase (and the total if it became known). `detail` replaces the
   * `done/total` figures in the line, e.g. `4,000 rows` when progress is measured in bytes.
   */
  update(done: number, total?: number, detail?: string): void;
  /** Ends the current phase. */
  done(): void;
  /** Abandons the current phase (a failure): clears the bar, writes no "done" line. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** `auto`: redraw in place on a terminal, a line every `stepPercent` % otherwise. */
  readonly mode?: 'auto' | 'off';
  /** Non-terminal mode: one line each time this many percent more are done (default 25). */
  readonly stepPercent?: number;
  /** Terminal mode: the least time between two redraws, in ms (default 80). */
  readonly redrawMs?: number;
  /** The time source, in ms (tests pass their own). */
  readonly now?: () => number;
}

const BAR_WIDTH = 28;

function bar(done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * BAR_WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** A progress that shows nothing. */
export const silentProgress: Progress = { phase() {}, update() {}, done() {}, stop() {} };

/**
 * A progress bar on `stream` (stderr), never on stdout, so piped data stays clean. On a
 * terminal it redraws one line in place; when stderr is a file or a pipe it writes a plain
 * line every `stepPercent` percent, so logs stay short.
 *
 * @example
 * ```ts
 * const progress = createProgress(process.stderr);
 * progress.phase('opportunities', 8800);
 * progress.update(4400);
 * progress.done();
 * ```
 */
export function createProgress(stream: OutputStream, options: ProgressOptions = {}): Progress {
  if (options.mode === 'off') return silentProgress;
  const tty = stream.isTTY === true;
  const step = options.stepPercent ?? 25;
  const redrawMs = options.redrawMs ?? 80;
  const now = options.now ?? (() => Date.now());
  let label: string | null = null;
  let total: number | undefined;
  let current = 0;
  let detail: string | undefined;
  let lastDraw = 0;
  let lastStep = -1;
  let drawn = false;

  const figures = () =>
    detail ?? (total !== undefined ? `${count(current)}/${count(total)}` : count(current));
  const line = () =>
    total !== undefined ? `${label} ${bar(current, total)} ${figures()}` : `${label} ${figures()}`;

  const draw = (force: boolean) => {
    if (label === null) return;
    if (tty) {
      const time = now();
      if (!force && time - lastDraw < redrawMs) return;
      lastDraw = time;
      stream.write(`\r\u001b[2K${line()}`);
      drawn = true;
      return;
    }
    if (total === undefined || total === 0) return;
    const percent = Math.floor((Math.min(current, total) / total) * 100);
    const reached = Math.floor(percent / step) * step;
    if (reached > lastStep && reached < 100) {
      lastStep = reached;
      if (reached > 0) stream.write(`${line()}\n`);
    }
  };

  const finish = () => {
    if (label === null) return;
    if (tty) {
      if (total !== undefined) current = Math.max(current, total);
      stream.write(`\r\u001b[2K${line()}\n`);
    } else {
      stream.write(`${label} done${detail ? `: ${detail}` : `: ${count(total ?? current)}`}\n`);
    }
    label = null;
    drawn = false;
  };

  return {
    phase(next, nextTotal) {
      finish();
      label = next;
      total = nextTotal;
      current = 0;
      detail = undefined;
      lastStep = 0;
      lastDraw = 0;
      drawn = false;
      draw(true);
    },
    update(done, nextTotal, nextDetail) {
      if (label === null) return;
      if (nextTotal !== undefined) total = nextTotal;
      current = done;
      detail = nextDetail;
      draw(!drawn);
    },
    done: finish,
    stop() {
      if (label !== null && tty && drawn) stream.write('\r\u001b[2K');
      label = null;
      drawn = false;
    },
  };
}
