import { formatCell, isNumeric } from './format-value.js';
import { ENGLISH, type Localisation } from './localisation.js';
import type { Report, ReportColumn, ReportSection } from './report.js';
import { displayWidth, padDisplay, sliceDisplay } from './text-width.js';

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

function cell(
  column: ReportColumn,
  row: ReportSection['rows'][number],
  localisation: Localisation,
): string {
  const value = row[column.key] ?? null;
  if (column.display && value !== null) return column.display(value, localisation);
  return formatCell(value, column.kind, localisation);
}

function cells(section: ReportSection, localisation: Localisation): string[][] {
  return section.rows.map((row) =>
    section.columns.map((column) => cell(column, row, localisation)),
  );
}

/** Splits text into lines of at most `width` display columns, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let rest = text;
  while (displayWidth(rest) > width) {
    const fits = sliceDisplay(rest, width);
    const space = fits.length < rest.length && rest[fits.length] === ' ' ? fits.length : -1;
    const lastSpace = space >= 0 ? space : fits.lastIndexOf(' ');
    const cut = lastSpace > fits.length / 3 ? lastSpace : fits.length;
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
export function renderBoxTable(
  section: ReportSection,
  style: Style,
  maxWidth = Infinity,
  localisation: Localisation = ENGLISH,
): string {
  const body = cells(section, localisation);
  const widths = section.columns.map((column, index) =>
    Math.max(displayWidth(column.label), ...body.map((row) => displayWidth(row[index]!))),
  );
  const total = () => widths.reduce((sum, width) => sum + width + 3, 1);
  while (total() > maxWidth) {
    let widest = -1;
    section.columns.forEach((column, index) => {
      const floor = Math.max(12, displayWidth(column.label));
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
            const text = padDisplay(
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
    lines.push(`│${style.dim(padDisplay(` ${localisation.messages.none}`, inner))}│`);
  }
  for (const row of body) lines.push(line(row, false));
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}

/** Aligned columns separated by two spaces: readable, and easy for `grep`, `awk` and `cut`. */
export function renderPlainTable(
  section: ReportSection,
  localisation: Localisation = ENGLISH,
): string {
  const body = cells(section, localisation);
  const header = section.columns.map((column) => column.label);
  const widths = section.columns.map((_column, index) =>
    Math.max(displayWidth(header[index]!), ...body.map((row) => displayWidth(row[index]!))),
  );
  const line = (row: readonly string[]) =>
    row
      .map((text, index) =>
        padDisplay(text, widths[index]!, isNumeric(section.columns[index]!.kind)),
      )
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...body.map(line)];
  if (body.length === 0) lines.push(localisation.messages.none);
  return lines.join('\n');
}

/** The facts above the tables: the report's people lines, or its machine facts by key. */
function factLines(report: Report): NonNullable<Report['factLines']> {
  if (report.factLines) return report.factLines;
  return Object.entries(report.facts ?? {}).map(([label, value]) => ({
    label,
    value,
    kind: typeof value === 'number' ? 'decimal' : 'amounts',
  }));
}

/** A whole report for people, in a locale: title, facts, then each section's table. */
export function renderReportText(
  report: Report,
  boxed: boolean,
  style: Style,
  maxWidth = Infinity,
  localisation: Localisation = ENGLISH,
): string {
  const out: string[] = [style.bold(report.title)];
  const facts = factLines(report);
  if (facts.length > 0) {
    const width = Math.max(...facts.map((fact) => displayWidth(fact.label)));
    for (const fact of facts) {
      const value =
        fact.display && fact.value !== null
          ? fact.display(fact.value, localisation)
          : formatCell(fact.value, fact.kind, localisation);
      out.push(`${padDisplay(fact.label, width)}  ${value}`);
    }
  }
  for (const section of report.sections) {
    if (section.hideWhenEmpty && section.rows.length === 0) continue;
    out.push(
      '',
      boxed ? style.bold(section.title) : `${section.title}${localisation.messages.titleEnd}`,
    );
    out.push(
      boxed
        ? renderBoxTable(section, style, maxWidth, localisation)
        : renderPlainTable(section, localisation),
    );
    if (section.note) out.push(style.dim(section.note));
  }
  return `${out.join('\n')}\n`;
}
