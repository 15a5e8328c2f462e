import { describe, expect, it } from 'vitest';
import type { InteractionInput } from '../interactions/interaction-service.js';
import { type AdapterFactory, expectError, setup } from './harness.js';

const HOUR = 3_600_000;

/** The interaction suite, run per adapter. */
export function interactionsSuite(name: string, factory: AdapterFactory): void {
  describe(`interactions (${name})`, () => {
    it('logs an interaction, resolving the company from the contact, and keeps counters current', async () => {
      const { crm, admin, clock } = await setup(factory);
      const logged: string[] = [];
      crm.events.on('interaction.logged', (event) => {
        logged.push(`${event.interaction.type}:${event.companyId}`);
      });
      const company = await admin.companies.create({ name: 'Acme' });
      const ada = await admin.contacts.create({ lastName: 'Lovelace', companyId: company.id });
      const call = await admin.interactions.log({
        type: 'call',
        direction: 'outbound',
        contactId: ada.id,
        durationMinutes: 15,
        subject: 'X200 launch',
        body: 'Walked through the new line.',
        outcome: 'interested',
        nextStep: 'send a quote',
      });
      expect(call).toMatchObject({
        companyId: company.id,
        contactIds: [ada.id],
        repIds: ['admin-1'],
        ownerId: 'admin-1',
      });
      expect(call.occurredAt.toISOString()).toBe(clock.now().toISOString());
      const earlier = new Date(clock.now().getTime() - 48 * HOUR);
      await admin.interactions.log({ type: 'email', contactId: ada.id, occurredAt: earlier });
      await admin.interactions.log({
        type: 'note',
        companyId: company.id,
        occurredAt: earlier.toISOString(),
      });
      const counted = await admin.companies.get(company.id);
      expect(counted).toMatchObject({
        interactionCount: 3,
        callCount: 1,
        emailCount: 1,
        noteCount: 1,
        meetingCount: 0,
      });
      // An older interaction never moves the last-interaction date back.
      expect(counted.lastInteractionAt?.toISOString()).toBe(call.occurredAt.toISOString());
      expect(await admin.contacts.get(ada.id)).toMatchObject({
        interactionCount: 2,
        callCount: 1,
        emailCount: 1,
      });
      await crm.events.idle();
      expect(logged).toEqual([`call:${company.id}`, `email:${company.id}`, `note:${company.id}`]);
    });

    it('shows a company timeline with its contacts’ interactions, newest first, paged by cursor', async () => {
      const { admin, clock } = await setup(factory);
      const company = await admin.companies.create({ name: 'Timeline' });
      const other = await admin.companies.create({ name: 'Elsewhere' });
      const a = await admin.contacts.create({ lastName: 'A', companyId: company.id });
      const b = await admin.contacts.create({ lastName: 'B', companyId: company.id });
      const start = clock.now().getTime();
      const types = ['call', 'email', 'meeting', 'visit', 'note', 'call', 'email'] as const;
      for (const [index, type] of types.entries()) {
        await admin.interactions.log({
          type,
          ...(index % 3 === 0
            ? { companyId: company.id }
            : { contactId: index % 3 === 1 ? a.id : b.id }),
          occurredAt: new Date(start - index * HOUR),
        });
      }
      // Two at the very same instant: the id breaks the tie, so paging stays stable.
      await admin.interactions.log({
        type: 'note',
        contactId: a.id,
        occurredAt: new Date(start - 3 * HOUR),
      });
      await admin.interactions.log({ type: 'call', companyId: other.id });
      const seen: string[] = [];
      const times: number[] = [];
      let after: string | undefined;
      do {
        const page = await admin.interactions.companyTimeline(company.id, {
          limit: 3,
          ...(after ? { after } : {}),
        });
        expect(page.rows.length).toBeLessThanOrEqual(3);
        seen.push(...page.rows.map((row) => row.id));
        times.push(...page.rows.map((row) => row.occurredAt.getTime()));
        after = page.nextCursor ?? undefined;
      } while (after);
      expect(seen).toHaveLength(8);
      expect(new Set(seen).size).toBe(8);
      expect([...times].sort((x, y) => y - x)).toEqual(times);
      const calls = await admin.interactions.companyTimeline(company.id, { types: ['call'] });
      expect(calls.rows).toHaveLength(2);
      const mine = await admin.interactions.contactTimeline(a.id);
      expect(mine.rows.map((row) => row.type)).toEqual(['email', 'note', 'note']);
      await expectError(
        admin.interactions.companyTimeline(company.id, { limit: 0 }),
        'VALIDATION_FAILED',
        'limit',
      );
    });

    it('refuses interactions about nothing, or about records that do not exist', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'X' });
      const refused = (input: InteractionInput, path: string) =>
        expectError(admin.interactions.log(input), 'VALIDATION_FAILED', path);
      await refused({ type: 'call' }, 'contactId');
      await refused({ type: 'fax' as never, companyId: company.id }, 'type');
      await refused({ type: 'call', contactId: 'con_00000000000000000000000000' }, 'contactId');
      await refused(
        {
          type: 'call',
          companyId: company.id,
          contactIds: ['con_00000000000000000000000000'],
        },
        'contactIds.0',
      );
      await refused({ type: 'call', companyId: company.id, repIds: ['ghost'] }, 'repIds.0');
      await refused(
        { type: 'call', companyId: company.id, occurredAt: '2026-02-30' },
        'occurredAt',
      );
      await refused(
        { type: 'call', companyId: company.id, durationMinutes: -5 },
        'durationMinutes',
      );
      expect((await admin.companies.get(company.id)).interactionCount).toBe(0);
      expect((await admin.interactions.companyTimeline(company.id)).rows).toEqual([]);
    });

    it('reps log on what they can see, and timelines follow company access', async () => {
      const { admin, rep1, rep2 } = await setup(factory);
      const mine = await admin.companies.create({ name: 'Mine', ownerId: 'rep-1' });
      await rep1.interactions.log({ type: 'visit', companyId: mine.id });
      await admin.interactions.log({ type: 'call', companyId: mine.id });
      expect((await rep1.interactions.companyTimeline(mine.id)).rows).toHaveLength(2);
      await expectError(rep2.interactions.log({ type: 'visit', companyId: mine.id }), 'FORBIDDEN');
      await expectError(rep2.interactions.companyTimeline(mine.id), 'FORBIDDEN');
      expect((await admin.companies.get(mine.id)).interactionCount).toBe(2);
    });

    it('deleting an interaction takes it out of the counters', async () => {
      const { admin, clock } = await setup(factory);
      const company = await admin.companies.create({ name: 'X' });
      const older = await admin.interactions.log({
        type: 'call',
        companyId: company.id,
        occurredAt: new Date(clock.now().getTime() - HOUR),
      });
      const newer = await admin.interactions.log({ type: 'meeting', companyId: company.id });
      await admin.interactions.delete(newer.id);
      expect(await admin.companies.get(company.id)).toMatchObject({
        interactionCount: 1,
        meetingCount: 0,
        callCount: 1,
      });
      expect((await admin.companies.get(company.id)).lastInteractionAt?.getTime()).toBe(
        older.occurredAt.getTime(),
      );
      await admin.interactions.delete(older.id);
      expect((await admin.companies.get(company.id)).lastInteractionAt).toBeNull();
      await expectError(admin.interactions.delete(older.id), 'NOT_FOUND');
    });

    it('concurrent loggers never lose an increment', async () => {
      const { admin } = await setup(factory);
      const company = await admin.companies.create({ name: 'Busy' });
      await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          admin.interactions.log({
            type: index % 2 === 0 ? 'call' : 'email',
            companyId: company.id,
          }),
        ),
      );
      expect(await admin.companies.get(company.id)).toMatchObject({
        interactionCount: 8,
        callCount: 4,
        emailCount: 4,
      });
    });
  });
}
