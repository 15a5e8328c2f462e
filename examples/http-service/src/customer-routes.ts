import { createRoute } from '@hono/zod-openapi';
import { BEARER, defined, errors, json, type ServiceApp } from './openapi-helpers.js';
import {
  CompanyCreateSchema,
  CompanyPatchSchema,
  CompanyQuerySchema,
  CompanySchema,
  ContactCreateSchema,
  ContactQuerySchema,
  ContactSchema,
  IdParams,
  pageOf,
} from './schemas.js';
import { companyView, contactView } from './views.js';

const tags = ['customers'];
const CompanyPage = pageOf(CompanySchema, 'CompanyPage');
const ContactPage = pageOf(ContactSchema, 'ContactPage');

const listCompanies = createRoute({
  method: 'get',
  path: '/companies',
  tags,
  security: BEARER,
  request: { query: CompanyQuerySchema },
  responses: { 200: json(CompanyPage, 'Companies by name'), ...errors(401, 422) },
});

const createCompany = createRoute({
  method: 'post',
  path: '/companies',
  tags,
  security: BEARER,
  request: { body: { content: { 'application/json': { schema: CompanyCreateSchema } } } },
  responses: { 201: json(CompanySchema, 'Created'), ...errors(401, 403, 409, 422) },
});

const getCompany = createRoute({
  method: 'get',
  path: '/companies/{id}',
  tags,
  security: BEARER,
  request: { params: IdParams },
  responses: { 200: json(CompanySchema, 'The company'), ...errors(401, 404) },
});

const updateCompany = createRoute({
  method: 'patch',
  path: '/companies/{id}',
  tags,
  security: BEARER,
  request: {
    params: IdParams,
    body: { content: { 'application/json': { schema: CompanyPatchSchema } } },
  },
  responses: { 200: json(CompanySchema, 'Updated'), ...errors(401, 403, 404, 409, 422) },
});

const listContacts = createRoute({
  method: 'get',
  path: '/contacts',
  tags,
  security: BEARER,
  request: { query: ContactQuerySchema },
  responses: { 200: json(ContactPage, 'Contacts by last name'), ...errors(401, 422) },
});

const createContact = createRoute({
  method: 'post',
  path: '/contacts',
  tags,
  security: BEARER,
  request: { body: { content: { 'application/json': { schema: ContactCreateSchema } } } },
  responses: { 201: json(ContactSchema, 'Created'), ...errors(401, 403, 404, 409, 422) },
});

const getContact = createRoute({
  method: 'get',
  path: '/contacts/{id}',
  tags,
  security: BEARER,
  request: { params: IdParams },
  responses: { 200: json(ContactSchema, 'The contact'), ...errors(401, 404) },
});

/** Companies and contacts (`@sellkit/customers`). */
export function registerCustomerRoutes(app: ServiceApp): void {
  app.openapi(listCompanies, async (c) => {
    const { industry, limit, after } = c.req.valid('query');
    const page = await c.var.crm.customers.companies.find({
      ...(industry === undefined ? {} : { where: { industry } }),
      orderBy: [{ field: 'name' }],
      ...defined({ limit, after }),
    });
    return c.json({ rows: page.rows.map(companyView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(createCompany, async (c) => {
    const company = await c.var.crm.customers.companies.create(c.req.valid('json'));
    return c.json(companyView(company), 201);
  });

  app.openapi(getCompany, async (c) => {
    const company = await c.var.crm.customers.companies.get(c.req.valid('param').id);
    return c.json(companyView(company), 200);
  });

  app.openapi(updateCompany, async (c) => {
    const { expectedVersion, ...patch } = c.req.valid('json');
    const company = await c.var.crm.customers.companies.update(
      c.req.valid('param').id,
      defined(patch),
      defined({ expectedVersion }),
    );
    return c.json(companyView(company), 200);
  });

  app.openapi(listContacts, async (c) => {
    const { companyId, limit, after } = c.req.valid('query');
    const page = await c.var.crm.customers.contacts.find({
      ...(companyId === undefined ? {} : { where: { companyId } }),
      orderBy: [{ field: 'lastName' }],
      ...defined({ limit, after }),
    });
    return c.json({ rows: page.rows.map(contactView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(createContact, async (c) => {
    const contact = await c.var.crm.customers.contacts.create(c.req.valid('json'));
    return c.json(contactView(contact), 201);
  });

  app.openapi(getContact, async (c) => {
    const contact = await c.var.crm.customers.contacts.get(c.req.valid('param').id);
    return c.json(contactView(contact), 200);
  });
}
