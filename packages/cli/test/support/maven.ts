import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './build-cli.js';

/** The Maven CRM data set kept in the repository (`examples/data/maven-crm`). */
export const MAVEN_DIR = join(REPO_ROOT, 'examples', 'data', 'maven-crm');

/** The rows of a small, quote-free CSV file as objects (enough for the data set's files). */
export function readSimpleCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}
