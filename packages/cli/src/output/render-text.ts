import { formatCell, isNumeric } from './format-value.js';
import type { Report, ReportSection } from './report.js';

/** Text styling for terminals; identity functions when colours are off. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

const plainStyle: Style = {
  bold: (text) => text,
  dim: (text) => text,
  green: (text) => text,
  red: (text) => text,
  yellow: (text) => text,
};

/** ANSI styles when `color` is true, else plain text. */
export function createStyle(color: boolean): Style {
  if (!color) return plainStyle;
  const wrap = (open: number, close: number) => (text: string) =>
    `\u001b[${open}m${text}\u001b[${close}m`;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
  };
}

function cells(section: ReportSection): string[][] {
  return section.rows.map((row) =>
    section.columns.map((column) => formatCell(row[column.key] ?? null, column.kind)),
  );
}

function pad(text: string, width: number, right: boolean): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** Splits text into lines of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > width / 3 ? space : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) lines.push(rest);
  return lines;
}

/**
 * A table with box-drawing borders, for a terminal. When it is wider than `maxWidth`, the
 * widest text columns are narrowed and their cells wrapped over several lines.
 */
export function renderBoxTable(section: ReportSection, style: Style, maxWidth = Infinity): string {
  const body = cells(section);
  const widths = section.columns.map((column, index) =>
    Math.max(column.label.length, ...body.map((row) => row[index]!.length)),
  );
  const total = () => widths.reduce((sum, width) => sum + width + 3, 1);
  while (total() > maxWidth) {
    let widest = -1;
    section.columns.forEach((column, index) => {
      const floor = Math.max(12, column.label.length);
      if (
        !isNumeric(column.kind) &&
        widths[index]! > floor &&
        (widest < 0 || widths[index]! > widths[widest]!)
      ) {
        widest = index;
      }
    });
    if (widest < 0) break;
    widths[widest]! -= 1;
  }
  const rule = (left: string, middle: string, right: string) =>
    left + widths.map((width) => '─'.repeat(width + 2)).join(middle) + right;
  const line = (row: readonly string[], header: boolean) => {
    const wrapped = row.map((cell, index) => wrapText(cell, widths[index]!));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    const out: string[] = [];
    for (let at = 0; at < height; at++) {
      out.push(
        `│${wrapped
          .map((lines, index) => {
            const text = pad(
              lines[at] ?? '',
              widths[index]!,
              isNumeric(section.columns[index]!.kind),
            );
            return ` ${header ? style.bold(text) : text} `;
          })
          .join('│')}│`,
      );
    }
    return out.join('\n');
  };
  const lines = [
    rule('┌', '┬', '┐'),
    line(
      section.columns.map((column) => column.label),
      true,
    ),
    rule('├', '┼', '┤'),
  ];
  if (body.length === 0) {
    const inner = widths.reduce((sum, width) => sum + width + 3, -1);
    lines.push(`│${style.dim(' (none)'.padEnd(inner))}│`);
  }
  for (const row of body) lines.push(line(row, false));
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}

/** Aligned columns separated by two spaces: readable, and easy for `grep`, `awk` and `cut`. */
export function renderPlainTable(section: ReportSection): string {
  const body = cells(section);
  const header = section.columns.map((column) => column.label);
  const widths = section.columns.map((_column, index) =>
    Math.max(header[index]!.length, ...body.map((row) => row[index]!.length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, index) => pad(cell, widths[index]!, isNumeric(section.columns[index]!.kind)))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...body.map(line)];
  if (body.length === 0) lines.push('(none)');
  return lines.join('\n');
}

/** A whole report for people: title, facts, then each section's table. */
export function renderReportText(
  report: Report,
  boxed: boolean,
  style: Style,
  maxWidth = Infinity,
): string {
  const out: string[] = [style.bold(report.title)];
  const facts = Object.entries(report.facts ?? {});
  if (facts.length > 0) {
    const width = Math.max(...facts.map(([key]) => key.length));
    for (const [key, value] of facts) {
      out.push(
        `${key.padEnd(width)}  ${formatCell(value, typeof value === 'number' ? 'decimal' : 'amounts')}`,
      );
    }
  }
  for (const section of report.sections) {
    if (section.hideWhenEmpty && section.rows.length === 0) continue;
    out.push('', boxed ? style.bold(section.title) : `${section.title}:`);
    out.push(boxed ? renderBoxTable(section, style, maxWidth) : renderPlainTable(section));
    if (section.note) out.push(style.dim(section.note));
  }
  return `${out.join('\n')}\n`;
}
