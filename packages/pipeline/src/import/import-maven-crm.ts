import type { ModuleScope } from '@sellkit/core';
import { pipelineHandle } from '../handle.js';
import type { MavenImportOptions, MavenImportReport } from './maven-crm.js';

/**
 * Imports the Maven CRM data set through the pipeline module of `scope` (see
 * `runMavenImport`).
 *
 * @example
 * ```ts
 * // `scope`: a module's scope, or anything with the kernel's `use(handle)`
 * const report = await importMavenCrm(scope, 'examples/data/maven-crm', {
 *   onProgress: ({ phase, rows }) => console.log(phase, rows),
 * });
 * report.opportunities; // { total: 8800, created: 8800, rejected: [], leads: 1425, aliased: { GTXPro: 1480 }, ... }
 * ```
 */
export function importMavenCrm(
  scope: Pick<ModuleScope, 'use'>,
  dir: string,
  options: MavenImportOptions = {},
): Promise<MavenImportReport> {
  return scope.use(pipelineHandle).importMavenCrm(dir, options);
}
