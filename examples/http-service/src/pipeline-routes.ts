import { createRoute } from '@hono/zod-openapi';
import { BEARER, defined, errors, json, type ServiceApp } from './openapi-helpers.js';
import {
  IdParams,
  LoseSchema,
  MoveStageSchema,
  OpportunityCreateSchema,
  OpportunityQuerySchema,
  OpportunitySchema,
  PipelineReportSchema,
  pageOf,
  ReportQuerySchema,
  WinSchema,
} from './schemas.js';
import { opportunityView, pipelineReportView } from './views.js';

const tags = ['pipeline'];
const OpportunityPage = pageOf(OpportunitySchema, 'OpportunityPage');

const listOpportunities = createRoute({
  method: 'get',
  path: '/opportunities',
  tags,
  security: BEARER,
  request: { query: OpportunityQuerySchema },
  responses: {
    200: json(OpportunityPage, 'Deals the actor may see, highest priority first'),
    ...errors(401, 422),
  },
});

const createOpportunity = createRoute({
  method: 'post',
  path: '/opportunities',
  tags,
  security: BEARER,
  request: { body: { content: { 'application/json': { schema: OpportunityCreateSchema } } } },
  responses: { 201: json(OpportunitySchema, 'Created and scored'), ...errors(401, 403, 409, 422) },
});

const getOpportunity = createRoute({
  method: 'get',
  path: '/opportunities/{id}',
  tags,
  security: BEARER,
  request: { params: IdParams },
  responses: { 200: json(OpportunitySchema, 'The deal'), ...errors(401, 404) },
});

const moveStage = createRoute({
  method: 'post',
  path: '/opportunities/{id}/stage',
  tags,
  security: BEARER,
  summary: 'Move an open deal to another open stage',
  request: {
    params: IdParams,
    body: { content: { 'application/json': { schema: MoveStageSchema } } },
  },
  responses: { 200: json(OpportunitySchema, 'Moved'), ...errors(401, 403, 404, 409, 422) },
});

const winOpportunity = createRoute({
  method: 'post',
  path: '/opportunities/{id}/win',
  tags,
  security: BEARER,
  summary: 'Close a deal as won',
  request: { params: IdParams, body: { content: { 'application/json': { schema: WinSchema } } } },
  responses: { 200: json(OpportunitySchema, 'Won'), ...errors(401, 403, 404, 409, 422) },
});

const loseOpportunity = createRoute({
  method: 'post',
  path: '/opportunities/{id}/lose',
  tags,
  security: BEARER,
  summary: 'Close a deal as lost, with a reason',
  request: {
    params: IdParams,
    body: { content: { 'application/json': { schema: LoseSchema } } },
  },
  responses: { 200: json(OpportunitySchema, 'Lost'), ...errors(401, 403, 404, 409, 422) },
});

const pipelineReport = createRoute({
  method: 'get',
  path: '/reports/pipeline',
  tags,
  security: BEARER,
  summary: 'Count, amount and weighted amount per stage, over the deals the actor may see',
  request: { query: ReportQuerySchema },
  responses: { 200: json(PipelineReportSchema, 'The report'), ...errors(401, 422) },
});

/** Opportunities and the pipeline report (`@sellkit/pipeline`). */
export function registerPipelineRoutes(app: ServiceApp): void {
  app.openapi(listOpportunities, async (c) => {
    const { status, stage, companyId, ownerId, limit, after } = c.req.valid('query');
    const page = await c.var.crm.pipeline.opportunities.find({
      where: defined({ status, stage, companyId, ownerId }),
      orderBy: [{ field: 'priority' }, { field: 'createdAt', direction: 'desc' }],
      ...defined({ limit, after }),
    });
    return c.json({ rows: page.rows.map(opportunityView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(createOpportunity, async (c) => {
    const deal = await c.var.crm.pipeline.opportunities.create(c.req.valid('json'));
    return c.json(opportunityView(deal), 201);
  });

  app.openapi(getOpportunity, async (c) => {
    const deal = await c.var.crm.pipeline.opportunities.get(c.req.valid('param').id);
    return c.json(opportunityView(deal), 200);
  });

  app.openapi(moveStage, async (c) => {
    const { stage, expectedVersion, amount, expectedCloseDate } = c.req.valid('json');
    const set = defined({ amount, expectedCloseDate });
    const deal = await c.var.crm.pipeline.opportunities.moveStage(c.req.valid('param').id, stage, {
      ...defined({ expectedVersion }),
      ...(Object.keys(set).length > 0 ? { set } : {}),
    });
    return c.json(opportunityView(deal), 200);
  });

  app.openapi(winOpportunity, async (c) => {
    const { closeDate, amount, expectedVersion } = c.req.valid('json');
    const deal = await c.var.crm.pipeline.opportunities.win(c.req.valid('param').id, {
      ...defined({ closeDate, expectedVersion }),
      ...(amount === undefined ? {} : { set: { amount } }),
    });
    return c.json(opportunityView(deal), 200);
  });

  app.openapi(loseOpportunity, async (c) => {
    const { reason, closeDate, expectedVersion } = c.req.valid('json');
    const deal = await c.var.crm.pipeline.opportunities.lose(c.req.valid('param').id, {
      reason,
      ...defined({ closeDate, expectedVersion }),
    });
    return c.json(opportunityView(deal), 200);
  });

  app.openapi(pipelineReport, async (c) => {
    const filter = defined(c.req.valid('query'));
    const reports = c.var.crm.pipeline.reports;
    const stages = await reports.stages(filter);
    return c.json(pipelineReportView(stages, await reports.weighted(filter)), 200);
  });
}
