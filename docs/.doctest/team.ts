// Names the fragments of docs/team.md take from earlier blocks (type-checked only).
import { createSellkit, memory } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { team, teamOwners, teamTerritories } from '@sellkit/team';

const crm = await createSellkit({
  storage: memory(),
  modules: [team(), customers({ owners: teamOwners, territories: teamTerritories })],
});
export const admin = crm.as({ tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } });
type Rep = Awaited<ReturnType<typeof admin.team.reps.create>>;
type Territory = Awaited<ReturnType<typeof admin.team.territories.create>>;
type Team = Awaited<ReturnType<typeof admin.team.teams.create>>;
export declare const lea: Rep;
export declare const ana: Rep;
export declare const westTerritory: Territory;
export declare const south: Territory;
export declare const munich: Territory;
export declare const west: Team;
export declare const inbound: Team;
