import { createSellkit, createTestClock, isSellkitError } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { afterEach, describe, expect, it } from 'vitest';
import { teamOwners, teamTerritories } from '../directory/team-directory.js';
import { team } from '../module.js';
import type { NamedAdapter } from './adapters.js';

const TENANT = 'acme';
const opened: { close(): Promise<void> }[] = [];

async function build(adapter: NamedAdapter) {
  const crm = await createSellkit({
    storage: await adapter.create(),
    modules: [team(), customers({ owners: teamOwners, territories: teamTerritories })],
    clock: createTestClock('2026-03-01T09:00:00Z'),
  });
  opened.push(crm);
  const as = (id: string, role: string) =>
    crm.as({ tenantId: TENANT, actor: { id, roles: [role] } });
  const admin = as('admin-1', 'admin');
  const t = admin.team;

  // Org: Vera (VP) > Nina (north manager) > Ann > Dee, Nina > Bob; Vera > Sam > Cid; Eve alone.
  const vera = await t.reps.create({ userId: 'u-vera', name: 'Vera', seniority: 'lead' });
  const nina = await t.reps.create({ userId: 'u-nina', name: 'Nina', reportsToId: vera.id });
  const sam = await t.reps.create({ userId: 'u-sam', name: 'Sam', reportsToId: vera.id });
  const ann = await t.reps.create({ userId: 'u-ann', name: 'Ann', reportsToId: nina.id });
  await t.reps.create({ userId: 'u-bob', name: 'Bob', reportsToId: nina.id });
  const dee = await t.reps.create({ userId: 'u-dee', name: 'Dee', reportsToId: ann.id });
  const cid = await t.reps.create({ userId: 'u-cid', name: 'Cid', reportsToId: sam.id });
  await t.reps.create({ userId: 'u-eve', name: 'Eve' });
  const lea = await t.reps.create({ userId: 'u-lea', name: 'Lea', seniority: 'lead' });
  const tom = await t.reps.create({ userId: 'u-tom', name: 'Tom' });
  // Nina also manages a cross-functional team Cid belongs to.
  const keyAccounts = await t.teams.create({ name: 'Key accounts', managerRepId: nina.id });
  await t.teams.addMember(keyAccounts.id, cid.id);

  // Territories: DE > South > Munich, DE > North. Lea leads South; Tom is assigned to North.
  const de = await t.territories.create({ name: 'Germany', code: 'DE' });
  const south = await t.territories.create({
    name: 'South',
    code: 'S',
    parentId: de.id,
    leadRepId: lea.id,
  });
  const munich = await t.territories.create({ name: 'Munich', code: 'MUC', parentId: south.id });
  const north = await t.territories.create({ name: 'North', code: 'N', parentId: de.id });
  await t.territories.assign({ repId: tom.id, territoryId: north.id, validFrom: '2026-01-01' });

  const companies = admin.customers.companies;
  for (const [name, ownerId, territoryId] of [
    ['Ann Co', 'u-ann', north.id],
    ['Bob Co', 'u-bob', munich.id],
    ['Dee Co', 'u-dee', south.id],
    ['Cid Co', 'u-cid', south.id],
    ['Eve Co', 'u-eve', null],
    ['Munich Co', 'u-eve', munich.id],
  ] as const) {
    await companies.create({ name, ownerId, territoryId });
  }
  return { crm, as, admin, ids: { dee: dee.id, sam: sam.id, vera: vera.id } };
}

async function visible(crm: Awaited<ReturnType<typeof build>>, id: string, role: string) {
  const page = await crm.as(id, role).customers.companies.find({ orderBy: [{ field: 'name' }] });
  return page.rows.map((row) => row.name);
}

async function canUpdate(
  crm: Awaited<ReturnType<typeof build>>,
  id: string,
  role: string,
  name: string,
) {
  const target = (await crm.admin.customers.companies.find({ where: { name } })).rows[0];
  try {
    await crm.as(id, role).customers.companies.update(target?.id as string, { industry: 'retail' });
    return true;
  } catch (error) {
    if (isSellkitError(error, 'FORBIDDEN')) return false;
    throw error;
  }
}

export function accessMatrix(adapter: NamedAdapter) {
  describe(`access scopes from the directory, with customers (${adapter.name})`, () => {
    afterEach(async () => {
      for (const crm of opened.splice(0)) await crm.close();
    });

    it('who sees which companies', async () => {
      const org = await build(adapter);
      const all = ['Ann Co', 'Bob Co', 'Cid Co', 'Dee Co', 'Eve Co', 'Munich Co'];
      const matrix: [string, string, string[]][] = [
        ['admin-1', 'admin', all],
        ['viewer-1', 'viewer', all],
        // A rep: only their own.
        ['u-ann', 'sales-rep', ['Ann Co']],
        ['u-dee', 'sales-rep', ['Dee Co']],
        // A manager: everyone beneath (any depth) plus the members of teams they manage.
        ['u-nina', 'sales-manager', ['Ann Co', 'Bob Co', 'Cid Co', 'Dee Co']],
        ['u-sam', 'sales-manager', ['Cid Co']],
        ['u-vera', 'sales-manager', ['Ann Co', 'Bob Co', 'Cid Co', 'Dee Co']],
        // A manager of nobody sees only their own.
        ['u-eve', 'sales-manager', ['Eve Co', 'Munich Co']],
        // A territory lead: the territory and its children.
        ['u-lea', 'territory-lead', ['Bob Co', 'Cid Co', 'Dee Co', 'Munich Co']],
        // Assigned to a territory with a territory-lead role: that territory.
        ['u-tom', 'territory-lead', ['Ann Co']],
        // Unknown to the directory: only what they own.
        ['u-stranger', 'sales-manager', []],
      ];
      for (const [id, role, expected] of matrix) {
        expect(await visible(org, id, role), `${id} as ${role}`).toEqual(expected);
      }
    });

    it('who may change which companies', async () => {
      const org = await build(adapter);
      const matrix: [string, string, string, boolean][] = [
        ['u-ann', 'sales-rep', 'Ann Co', true],
        ['u-ann', 'sales-rep', 'Dee Co', false],
        ['u-nina', 'sales-manager', 'Dee Co', true],
        ['u-nina', 'sales-manager', 'Cid Co', true],
        ['u-nina', 'sales-manager', 'Eve Co', false],
        ['u-sam', 'sales-manager', 'Ann Co', false],
        ['u-lea', 'territory-lead', 'Munich Co', true],
        ['u-lea', 'territory-lead', 'Ann Co', false],
        ['viewer-1', 'viewer', 'Ann Co', false],
        ['admin-1', 'admin', 'Eve Co', true],
      ];
      for (const [id, role, name, allowed] of matrix) {
        expect(await canUpdate(org, id, role, name), `${id} as ${role} on ${name}`).toBe(allowed);
      }
    });

    it('follows the organisation as it changes, with no stale cache', async () => {
      const org = await build(adapter);
      const nina = org.as('u-nina', 'sales-manager');
      expect(await visible(org, 'u-nina', 'sales-manager')).toContain('Dee Co');
      await org.admin.team.reps.update(org.ids.dee, { reportsToId: org.ids.sam });
      expect(await visible(org, 'u-nina', 'sales-manager')).not.toContain('Dee Co');
      expect(await visible(org, 'u-sam', 'sales-manager')).toEqual(['Cid Co', 'Dee Co']);
      // The same facade object sees the change too.
      expect((await nina.customers.companies.find()).rows.map((row) => row.name)).not.toContain(
        'Dee Co',
      );
    });

    it('customers validates owners and territories against the directory', async () => {
      const org = await build(adapter);
      const companies = org.admin.customers.companies;
      for (const [input, path] of [
        [{ name: 'X', ownerId: 'u-nobody' }, 'ownerId'],
        [{ name: 'X', territoryId: 'ter_nowhere' }, 'territoryId'],
      ] as const) {
        const error = await companies.create(input).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(isSellkitError(error, 'VALIDATION_FAILED')).toBe(true);
        expect(
          (error as { details: { issues?: { path: string }[] } }).details.issues?.map(
            (i) => i.path,
          ),
        ).toContain(path);
      }
      // An inactive rep can no longer be given companies.
      const eve = await org.admin.team.reps.byUserId('u-eve');
      await org.admin.team.reps.deactivate(eve?.id as string);
      const refused = await companies.create({ name: 'Y', ownerId: 'u-eve' }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isSellkitError(refused, 'VALIDATION_FAILED')).toBe(true);
    });
  });
}
