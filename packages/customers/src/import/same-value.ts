import { Money } from '@sellkit/core';

/** True when a stored value and an imported one are the same (Money, dates, lists by value). */
export function sameValue(stored: unknown, incoming: unknown): boolean {
  if (stored instanceof Money || incoming instanceof Money) {
    return stored instanceof Money && stored.equals(incoming);
  }
  if (stored instanceof Date || incoming instanceof Date) {
    return (
      stored instanceof Date && incoming instanceof Date && stored.getTime() === incoming.getTime()
    );
  }
  if (typeof stored === 'object' || typeof incoming === 'object') {
    return JSON.stringify(stored ?? null) === JSON.stringify(incoming ?? null);
  }
  return (stored ?? null) === (incoming ?? null);
}
