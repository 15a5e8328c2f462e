import { SellkitError } from '@sellkit/core';
import type { SizeClass } from '../companies/company-model.js';

/**
 * Employee thresholds of the size classes: `small` below `mediumFrom`, `medium` below
 * `largeFrom`, `large` from `largeFrom` on. The defaults follow the EU definition of SMEs
 * (fewer than 50 employees is small, fewer than 250 medium).
 */
export interface SizeThresholds {
  readonly mediumFrom: number;
  readonly largeFrom: number;
}

/** The EU thresholds: small < 50 ≤ medium < 250 ≤ large. */
export const DEFAULT_SIZE_THRESHOLDS: SizeThresholds = Object.freeze({
  mediumFrom: 50,
  largeFrom: 250,
});

/** Checks thresholds given as options (`CONFIGURATION_INVALID` when they make no sense). */
export function resolveSizeThresholds(input: Partial<SizeThresholds> | undefined): SizeThresholds {
  const thresholds = { ...DEFAULT_SIZE_THRESHOLDS, ...(input ?? {}) };
  const { mediumFrom, largeFrom } = thresholds;
  if (
    !Number.isSafeInteger(mediumFrom) ||
    !Number.isSafeInteger(largeFrom) ||
    mediumFrom < 1 ||
    largeFrom <= mediumFrom
  ) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'sizeClasses needs integers with 1 <= mediumFrom < largeFrom',
      { sizeClasses: thresholds },
    );
  }
  return Object.freeze(thresholds);
}

/**
 * The size class for an employee count, or null when the count is unknown.
 *
 * @example
 * ```ts
 * deriveSizeClass(2822); // 'large'
 * deriveSizeClass(120, { mediumFrom: 100, largeFrom: 1000 }); // 'medium'
 * ```
 */
export function deriveSizeClass(
  employees: number | null | undefined,
  thresholds: SizeThresholds = DEFAULT_SIZE_THRESHOLDS,
): SizeClass | null {
  if (employees === null || employees === undefined) return null;
  if (employees >= thresholds.largeFrom) return 'large';
  if (employees >= thresholds.mediumFrom) return 'medium';
  return 'small';
}

/** A human-readable reason for a derived size class. */
export function sizeClassReason(
  employees: number,
  sizeClass: SizeClass,
  thresholds: SizeThresholds,
): string {
  switch (sizeClass) {
    case 'large':
      return `${employees} employees >= ${thresholds.largeFrom}`;
    case 'medium':
      return `${thresholds.mediumFrom} <= ${employees} employees < ${thresholds.largeFrom}`;
    default:
      return `${employees} employees < ${thresholds.mediumFrom}`;
  }
}
