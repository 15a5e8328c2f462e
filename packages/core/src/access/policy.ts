import type { Actor, SellkitContext } from '../context/context.js';
import { SellkitError } from '../errors/sellkit-error.js';
import type { AnyModel } from '../model/define-model.js';
import type { Where } from '../storage/query.js';

/** What a service call does to a model. */
export type AccessAction = 'read' | 'create' | 'update' | 'delete';
/** How far a grant reaches. Every scope but `none` includes the actor's own records. */
export type AccessScope = 'none' | 'own' | 'team' | 'territory' | 'all';

/** Grants of one role: per model (or `*` for every model), per action (or `*`). */
export type RoleGrants = Readonly<
  Record<string, Readonly<Partial<Record<AccessAction | '*', AccessScope>>>>
>;

/**
 * Role name → grants. Hosts pass their own; {@link defaultRoles} covers the common sales setup.
 *
 * @example
 * ```ts
 * const roles = {
 *   'sales-rep': { '*': { read: 'own', create: 'own', update: 'own' } },
 *   'sales-manager': { '*': { '*': 'team' } },
 *   admin: { '*': { '*': 'all' } },
 * } satisfies AccessRoles;
 * ```
 */
export type AccessRoles = Readonly<Record<string, RoleGrants>>;

/**
 * Resolves the people and territories behind `team` and `territory` scopes. The team module
 * provides a directory-backed resolver; the default uses only what the context says.
 */
export interface AccessResolver {
  /** Actor ids whose records a `team`-scoped actor may reach (the actor included). */
  teamMemberIds(context: SellkitContext): Promise<readonly string[]>;
  /** Territory ids a `territory`-scoped actor may reach (children included). */
  territoryIds(context: SellkitContext): Promise<readonly string[]>;
}

/** The resolver used when no module provides one: the actor alone, and the context's territories. */
export const contextAccessResolver: AccessResolver = {
  teamMemberIds: async (context) => [context.actor.id],
  territoryIds: async (context) => context.actor.territoryIds ?? [],
};

/** Admins see everything; managers their team's; reps their own; viewers read only. */
export const defaultRoles: AccessRoles = {
  admin: { '*': { '*': 'all' } },
  'sales-manager': { '*': { '*': 'team' } },
  'territory-lead': { '*': { '*': 'territory' } },
  'sales-rep': { '*': { read: 'own', create: 'own', update: 'own' } },
  viewer: { '*': { read: 'all' } },
};

/**
 * The scopes an actor holds for an action on a model, across all their roles.
 *
 * @example
 * ```ts
 * const actor = { id: 'rep-1', roles: ['sales-rep', 'viewer'] };
 * grantedScopes(defaultRoles, actor, 'company', 'read'); // Set { 'own', 'all' }
 * grantedScopes(defaultRoles, actor, 'company', 'delete'); // Set {}
 * ```
 */
export function grantedScopes(
  roles: AccessRoles,
  actor: Actor,
  model: string,
  action: AccessAction,
): Set<AccessScope> {
  const scopes = new Set<AccessScope>();
  for (const role of actor.roles) {
    if (!Object.hasOwn(roles, role)) continue;
    const grants = roles[role] as RoleGrants;
    const forModel = Object.hasOwn(grants, model) ? grants[model] : undefined;
    const forAll = Object.hasOwn(grants, '*') ? grants['*'] : undefined;
    const scope = forModel?.[action] ?? forModel?.['*'] ?? forAll?.[action] ?? forAll?.['*'];
    if (scope && scope !== 'none') scopes.add(scope);
  }
  if (scopes.has('all')) return new Set(['all']);
  return scopes;
}

/** A refusal. */
export function forbidden(
  context: SellkitContext,
  model: string,
  action: AccessAction,
  id?: string,
): SellkitError {
  return new SellkitError(
    'FORBIDDEN',
    `${context.actor.id} may not ${action} ${model}${id ? ` ${id}` : ''}`,
    { model, action, actorId: context.actor.id, ...(id ? { id } : {}) },
  );
}

/**
 * What an actor may reach for one action on one model: everything, nothing, or the records
 * owned by some people, assigned to some teams, or in some territories.
 */
export type AccessReach =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | {
      readonly kind: 'scoped';
      readonly owners: ReadonlySet<string>;
      readonly teams: ReadonlySet<string>;
      readonly territories: ReadonlySet<string>;
    };

/**
 * Resolves the actor's reach. Scopes that need a field the model lacks (own without an
 * `ownerField`) grant nothing.
 *
 * @example
 * ```ts
 * import { company } from '@sellkit/customers';
 * const context = { tenantId: 'acme', actor: { id: 'rep-1', roles: ['sales-rep'] } };
 * const reach = await resolveReach(defaultRoles, contextAccessResolver, context, company, 'read');
 * // { kind: 'scoped', owners: Set { 'rep-1' }, teams: Set {}, territories: Set {} }
 * const where = reachWhere(reach, company); // { ownerId: { in: ['rep-1'] } }
 * ```
 */
export async function resolveReach(
  roles: AccessRoles,
  resolver: AccessResolver,
  context: SellkitContext,
  model: AnyModel,
  action: AccessAction,
): Promise<AccessReach> {
  const scopes = grantedScopes(roles, context.actor, model.name, action);
  if (scopes.has('all')) return { kind: 'all' };
  if (scopes.size === 0) return { kind: 'none' };
  const { ownerField, teamField, territoryField } = model.access;
  const owners = new Set<string>(ownerField ? [context.actor.id] : []);
  const teams = new Set<string>();
  const territories = new Set<string>();
  if (scopes.has('team')) {
    if (ownerField) for (const id of await resolver.teamMemberIds(context)) owners.add(id);
    if (teamField) for (const id of context.actor.teamIds ?? []) teams.add(id);
  }
  if (scopes.has('territory') && territoryField) {
    for (const id of await resolver.territoryIds(context)) territories.add(id);
  }
  if (owners.size + teams.size + territories.size === 0) return { kind: 'none' };
  return { kind: 'scoped', owners, teams, territories };
}

/**
 * The reach as a storage filter, so find, count and aggregate are scoped inside the storage
 * engine. Undefined means no restriction.
 *
 * @example
 * ```ts
 * import { company } from '@sellkit/customers';
 * const reach = await resolveReach(defaultRoles, contextAccessResolver, ctx, company, 'read');
 * const page = await storage.find(company, { where: reachWhere(reach, company) });
 * ```
 */
export function reachWhere(reach: AccessReach, model: AnyModel): Where | undefined {
  if (reach.kind === 'all') return undefined;
  if (reach.kind === 'none') return { id: { in: [] } };
  const { ownerField, teamField, territoryField } = model.access;
  const alternatives: Where[] = [];
  if (ownerField && reach.owners.size > 0)
    alternatives.push({ [ownerField]: { in: [...reach.owners] } });
  if (teamField && reach.teams.size > 0)
    alternatives.push({ [teamField]: { in: [...reach.teams] } });
  if (territoryField && reach.territories.size > 0) {
    alternatives.push({ [territoryField]: { in: [...reach.territories] } });
  }
  return alternatives.length === 1 ? alternatives[0] : { or: alternatives };
}

/**
 * True when one record is within reach (the same rule as {@link reachWhere}, in memory).
 *
 * @example
 * ```ts
 * import { company } from '@sellkit/customers';
 * const reach = await resolveReach(defaultRoles, contextAccessResolver, ctx, company, 'update');
 * const target = await storage.get(company, id);
 * if (target && !reachIncludes(reach, company, target)) throw new SellkitError('FORBIDDEN', 'not yours');
 * ```
 */
export function reachIncludes(
  reach: AccessReach,
  model: AnyModel,
  record: Readonly<Record<string, unknown>>,
): boolean {
  if (reach.kind !== 'scoped') return reach.kind === 'all';
  const { ownerField, teamField, territoryField } = model.access;
  const owner = ownerField ? record[ownerField] : undefined;
  if (typeof owner === 'string' && reach.owners.has(owner)) return true;
  const team = teamField ? record[teamField] : undefined;
  if (typeof team === 'string' && reach.teams.has(team)) return true;
  const territory = territoryField ? record[territoryField] : undefined;
  return typeof territory === 'string' && reach.territories.has(territory);
}
