import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './service.js';

// Every test talks to the real server over HTTP on 127.0.0.1 (port 0: any free port).

/** The members of response bodies these tests read (each response has some of them). */
interface ReplyBody {
  readonly id: string;
  readonly version: number;
  readonly rows: readonly { readonly id: string }[];
  readonly stages: readonly { readonly stage: string; readonly count: number }[];
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues: readonly { readonly path: string; readonly message: string }[];
  };
  readonly [member: string]: unknown;
}

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: ReplyBody;
}

let service: RunningService;

async function call(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; raw?: string } = {},
): Promise<Reply> {
  const token = options.token === undefined ? 'acme-admin-token' : options.token;
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const hasBody = options.body !== undefined || options.raw !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers,
    ...(hasBody ? { body: options.raw ?? JSON.stringify(options.body) } : {}),
  });
  const body = (await response.json()) as ReplyBody;
  return { status: response.status, headers: response.headers, body };
}

async function newCompany(name: string, token = 'acme-admin-token'): Promise<string> {
  const reply = await call('POST', '/companies', { token, body: { name, industry: 'retail' } });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

async function newDeal(title: string, companyId: string): Promise<ReplyBody> {
  const reply = await call('POST', '/opportunities', { body: { title, companyId } });
  expect(reply.status).toBe(201);
  return reply.body;
}

beforeAll(async () => {
  service = await startService();
});

afterAll(async () => {
  await service.close();
});

describe('http-service example', () => {
  it('serves its OpenAPI document without authentication', async () => {
    const reply = await call('GET', '/openapi.json', { token: null });
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.0.3');
    expect(Object.keys(reply.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/companies',
        '/companies/{id}',
        '/contacts',
        '/opportunities',
        '/opportunities/{id}/stage',
        '/opportunities/{id}/win',
        '/opportunities/{id}/lose',
        '/reports/pipeline',
      ]),
    );
    expect(reply.body.components).toMatchObject({
      schemas: { Error: expect.any(Object), Opportunity: expect.any(Object) },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    });
  });

  it('answers 401 without a token or with an unknown one', async () => {
    const missing = await call('GET', '/companies', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.body).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'a valid bearer token is required' },
    });
    expect((await call('GET', '/companies', { token: 'forged' })).status).toBe(401);
  });

  it('creates, reads, updates and lists companies and contacts', async () => {
    const companyId = await newCompany('Cancity');
    const read = await call('GET', `/companies/${companyId}`);
    expect(read.body).toMatchObject({ id: companyId, name: 'Cancity', version: 1 });
    const updated = await call('PATCH', `/companies/${companyId}`, {
      body: { employees: 120, expectedVersion: 1 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ employees: 120, sizeClass: 'medium', version: 2 });
    const list = await call('GET', '/companies?industry=retail&limit=50');
    expect(list.body.rows.map((row) => row.id)).toContain(companyId);

    const contact = await call('POST', '/contacts', {
      body: { firstName: 'Ana', lastName: 'Lima', companyId, emails: ['Ana@Cancity.com'] },
    });
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({ companyId, emails: ['ana@cancity.com'] });
    const contacts = await call('GET', `/contacts?companyId=${companyId}`);
    expect(contacts.body.rows).toEqual([expect.objectContaining({ id: contact.body.id })]);
    expect((await call('GET', `/contacts/${contact.body.id}`)).body.lastName).toBe('Lima');
  });

  it('answers 404 for an id of another tenant, and never lists it', async () => {
    const companyId = await newCompany('Isdom');
    const deal = await newDeal('Isdom pilot', companyId);
    const other = { token: 'globex-admin-token' };
    const company = await call('GET', `/companies/${companyId}`, other);
    expect(company.status).toBe(404);
    expect(company.body.error.code).toBe('NOT_FOUND');
    expect((await call('GET', `/opportunities/${deal.id}`, other)).status).toBe(404);
    const move = await call('POST', `/opportunities/${deal.id}/stage`, {
      ...other,
      body: { stage: 'qualification' },
    });
    expect(move.status).toBe(404);
    const patch = await call('PATCH', `/companies/${companyId}`, {
      ...other,
      body: { employees: 1 },
    });
    expect(patch.status).toBe(404);
    expect((await call('GET', '/companies', other)).body.rows).toEqual([]);
  });

  it('answers 409 CONFLICT for a stale version', async () => {
    const companyId = await newCompany('Betasoloin');
    await call('PATCH', `/companies/${companyId}`, { body: { employees: 5, expectedVersion: 1 } });
    const stale = await call('PATCH', `/companies/${companyId}`, {
      body: { employees: 6, expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');

    const deal = await newDeal('Betasoloin renewal', companyId);
    await call('POST', `/opportunities/${deal.id}/stage`, {
      body: { stage: 'qualification', expectedVersion: deal.version },
    });
    const staleMove = await call('POST', `/opportunities/${deal.id}/stage`, {
      body: { stage: 'prospecting', expectedVersion: deal.version },
    });
    expect(staleMove.status).toBe(409);
    expect(staleMove.body.error.code).toBe('CONFLICT');
  });

  it('answers 422 with issue paths for bad input, and 400 for a body that is not JSON', async () => {
    const refused = await call('POST', '/opportunities', {
      body: { amount: { amount: 'ten', currency: 'eur' }, expectedCloseDate: 'soon' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.issues.map((issue) => issue.path).sort()).toEqual([
      'amount.amount',
      'amount.currency',
      'expectedCloseDate',
      'title',
    ]);

    // Refused by Sellkit itself: Proposal needs an amount.
    const deal = await newDeal('Needs an amount', await newCompany('Zathunicon'));
    const move = await call('POST', `/opportunities/${deal.id}/stage`, {
      body: { stage: 'proposal' },
    });
    expect(move.status).toBe(422);
    expect(move.body.error.issues).toEqual([
      {
        path: 'amount',
        message: 'is required to enter stage Proposal',
        reason: 'required_for_stage',
      },
    ]);

    const query = await call('GET', '/opportunities?limit=0');
    expect(query.status).toBe(422);
    expect(query.body.error.issues.map((issue) => issue.path)).toEqual(['query.limit']);

    const broken = await call('POST', '/companies', { raw: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('BAD_REQUEST');
  });

  it('answers 403 FORBIDDEN when the actor may not write', async () => {
    const reply = await call('POST', '/companies', {
      token: 'acme-viewer-token',
      body: { name: 'Nope' },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('FORBIDDEN');
  });

  it('moves, wins and loses deals, lists them with filters and reports the pipeline', async () => {
    const companyId = await newCompany('Funholding');
    const won = await newDeal('Funholding: 3 GTX Plus', companyId);
    const lost = await newDeal('Funholding: support', companyId);
    const moved = await call('POST', `/opportunities/${won.id}/stage`, {
      body: { stage: 'proposal', amount: { amount: '15000.00', currency: 'EUR' } },
    });
    expect(moved.body).toMatchObject({ stage: 'proposal', probability: 50, status: 'open' });
    const winning = await call('POST', `/opportunities/${won.id}/win`, {
      body: { closeDate: '2026-12-01', expectedVersion: moved.body.version },
    });
    expect(winning.body).toMatchObject({ status: 'won', stage: 'won', closeDate: '2026-12-01' });

    const noReason = await call('POST', `/opportunities/${lost.id}/lose`, { body: {} });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.issues.map((issue) => issue.path)).toEqual(['reason']);
    const losing = await call('POST', `/opportunities/${lost.id}/lose`, {
      body: { reason: 'Chose a competitor' },
    });
    expect(losing.body).toMatchObject({ status: 'lost', lostReason: 'Chose a competitor' });

    const closedMove = await call('POST', `/opportunities/${won.id}/stage`, {
      body: { stage: 'qualification' },
    });
    expect(closedMove.status).toBe(409);
    expect(closedMove.body.error.code).toBe('INVALID_TRANSITION');

    const wonList = await call('GET', `/opportunities?status=won&companyId=${companyId}`);
    expect(wonList.body.rows.map((row) => row.id)).toEqual([won.id]);
    const byStage = await call('GET', `/opportunities?stage=lost&companyId=${companyId}`);
    expect(byStage.body.rows.map((row) => row.id)).toEqual([lost.id]);

    const report = await call('GET', '/reports/pipeline', { token: 'globex-admin-token' });
    expect(report.status).toBe(200);
    expect(report.body.stages.every((row) => row.count === 0)).toBe(true);
    const acme = await call('GET', '/reports/pipeline');
    const wonRow = acme.body.stages.find((row) => row.stage === 'won');
    expect(wonRow).toMatchObject({ count: 1, amounts: [{ amount: '15000.00', currency: 'EUR' }] });
  });
});
