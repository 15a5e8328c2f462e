import type { EventMap, ModuleScope } from '@sellkit/core';
import type { Rep } from '../reps/rep-model.js';
import { covers } from '../shared/dates.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';

interface Span {
  readonly repId: string;
  readonly groupId: string;
  readonly from: string;
  readonly to: string | null;
}

/**
 * The organisation over a period: reps, and the teams and territories each rep belonged to on
 * each day (effective-dated memberships and territory assignments).
 */
export interface OrgTimeline {
  readonly reps: readonly Rep[];
  readonly repsByUserId: ReadonlyMap<string, Rep>;
  /**
   * The days the organisation changed inside the period, with its first and end day: between
   * two neighbours nothing changes, so one aggregate per segment attributes every record to
   * the team and territory of its day.
   */
  readonly boundaries: readonly string[];
  teamsOn(repId: string, day: string): string[];
  territoriesOn(repId: string, day: string): string[];
}

function byRep(spans: readonly Span[]): Map<string, Span[]> {
  const map = new Map<string, Span[]>();
  for (const span of spans) map.set(span.repId, [...(map.get(span.repId) ?? []), span]);
  return map;
}

/** Loads the organisation over the half-open period `[from, to)`. */
export async function loadOrgTimeline<E extends EventMap>(
  scope: ModuleScope<E>,
  from: string,
  to: string,
): Promise<OrgTimeline> {
  const models = teamModels(scope);
  // internal: the organisation places records in teams and territories; which rows the actor
  // sees is decided on the records and on the reps listed, not on the directory
  const reps = await loadAll(scope.internal(models.rep));
  // internal: as above
  const members = await loadAll(scope.internal(models.teamMember), {
    joinedOn: { lt: to },
    or: [{ leftOn: null }, { leftOn: { gt: from } }],
  });
  // internal: as above
  const assignments = await loadAll(scope.internal(models.territoryAssignment), {
    validFrom: { lt: to },
    or: [{ validTo: null }, { validTo: { gt: from } }],
  });
  const teamSpans = byRep(
    members.map((m) => ({
      repId: m.repId,
      groupId: m.teamId,
      from: m.joinedOn,
      to: m.leftOn ?? null,
    })),
  );
  const territorySpans = byRep(
    assignments.map((a) => ({
      repId: a.repId,
      groupId: a.territoryId,
      from: a.validFrom,
      to: a.validTo ?? null,
    })),
  );
  const days = new Set([from, to]);
  for (const span of [
    ...members.map((m) => [m.joinedOn, m.leftOn]),
    ...assignments.map((a) => [a.validFrom, a.validTo]),
  ]) {
    for (const day of span) if (day && day > from && day < to) days.add(day);
  }
  const on = (spans: Map<string, Span[]>, repId: string, day: string) =>
    (spans.get(repId) ?? []).filter((span) => covers(span, day)).map((span) => span.groupId);
  return {
    reps,
    repsByUserId: new Map(reps.map((rep) => [rep.userId, rep])),
    boundaries: [...days].sort(),
    teamsOn: (repId, day) => on(teamSpans, repId, day),
    territoriesOn: (repId, day) => [...new Set(on(territorySpans, repId, day))],
  };
}
