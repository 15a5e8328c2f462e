import { csvLine } from '@sellkit/core';
import { usageError } from '../cli/errors.js';
import type { Report, ReportSection } from './report.js';

/**
 * A report as JSON: `{ report, title, ...facts, sections: { [id]: rows } }`. Amounts stay the
 * exact decimal strings they are; counts are numbers; ratios are numbers between 0 and 1.
 */
export function renderReportJson(report: Report, sectionId?: string): string {
  const sections = pickSections(report, sectionId);
  const body = {
    report: report.id,
    title: report.title,
    ...(report.facts ?? {}),
    sections: Object.fromEntries(sections.map((section) => [section.id, section.rows])),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * A report as one CSV document. With a section: that section's table, a header row of column
 * keys then the rows. Without: every section in long form, `section,row,column,value` (row
 * numbers start at 1 in each section), so one file holds everything and stays one table.
 */
export function renderReportCsv(report: Report, sectionId?: string): string {
  if (sectionId !== undefined) {
    const [section] = pickSections(report, sectionId);
    return sectionCsv(section!);
  }
  let out = csvLine(['section', 'row', 'column', 'value']);
  for (const section of report.sections) {
    section.rows.forEach((row, index) => {
      for (const column of section.columns) {
        out += csvLine([section.id, index + 1, column.key, row[column.key]]);
      }
    });
  }
  return out;
}

function sectionCsv(section: ReportSection): string {
  let out = csvLine(section.columns.map((column) => column.key));
  for (const row of section.rows) out += csvLine(section.columns.map((column) => row[column.key]));
  return out;
}

function pickSections(report: Report, sectionId?: string): readonly ReportSection[] {
  if (sectionId === undefined) return report.sections;
  const section = report.sections.find((candidate) => candidate.id === sectionId);
  if (!section) {
    throw usageError(
      `unknown section "${sectionId}"; ${report.id} has ${report.sections.map((candidate) => candidate.id).join(', ')}`,
      `report ${report.id}`,
    );
  }
  return [section];
}
