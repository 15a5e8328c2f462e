import { defineModel, field, type InferCreate, type InferRecord } from '@sellkit/core';
import type { PostalAddress } from '../shared/postal-address.js';

/** Size classes; see `deriveSizeClass` for the employee thresholds. */
export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
/** A company's size class. */
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Purchase potential classes. */
export const PURCHASE_POTENTIALS = ['high', 'medium', 'low'] as const;
/** A company's purchase potential. */
export type PurchasePotential = (typeof PURCHASE_POTENTIALS)[number];

/** Where a company is in its life with you. */
export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'churned'] as const;
/** A lifecycle stage. */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** A postal address of a company (headquarters, billing, shipping...); see {@link PostalAddress}. */
export type CompanyAddress = PostalAddress;

/** Interaction counters kept on companies and contacts (one per interaction type, and a total). */
export const interactionCounterFields = {
  interactionCount: field.integer({ required: true, default: 0, min: 0 }),
  callCount: field.integer({ required: true, default: 0, min: 0 }),
  emailCount: field.integer({ required: true, default: 0, min: 0 }),
  meetingCount: field.integer({ required: true, default: 0, min: 0 }),
  visitCount: field.integer({ required: true, default: 0, min: 0 }),
  noteCount: field.integer({ required: true, default: 0, min: 0 }),
  lastInteractionAt: field.timestamp({ index: true }),
};

/**
 * The names of {@link interactionCounterFields}: the interaction log keeps them, so they are
 * among the derived fields of every record that carries them.
 */
export const INTERACTION_COUNTER_FIELDS = [
  'interactionCount',
  'callCount',
  'emailCount',
  'meetingCount',
  'visitCount',
  'noteCount',
  'lastInteractionAt',
] as const satisfies readonly (keyof typeof interactionCounterFields)[];

/**
 * A company (account). Access is by owner (`ownerId`, the host's user id of the owning rep)
 * and territory. `nameKey`, `domain` and `phoneKey` are derived for duplicate detection, the
 * counters and `lastInteractionAt` are kept current by the interaction log: services refuse
 * them as input.
 */
export const company = defineModel({
  name: 'company',
  idPrefix: 'com',
  description: 'A customer or prospect organisation.',
  fields: {
    name: field.text({ required: true, maxLength: 200, searchable: true }),
    legalName: field.text({ maxLength: 300, searchable: true }),
    /**
     * Stored normalised: trimmed, inner runs of white space collapsed to one space, lower-cased
     * (`'  Retail  Banking '` is stored as `'retail banking'`; a blank value as `null`). Filter and
     * compare with the normalised form (`where: { industry: 'retail banking' }`); with
     * `strictIndustries` it must be one of `industries` after normalising.
     */
    industry: field.text({ maxLength: 100 }),
    sizeClass: field.enum(SIZE_CLASSES),
    /** `derived` follows the employee count; `manual` was set by someone and stays. */
    sizeClassSource: field.enum(['derived', 'manual'] as const, {
      required: true,
      default: 'derived',
    }),
    employees: field.integer({ min: 0, max: 100_000_000 }),
    annualRevenue: field.money(),
    purchasePotential: field.enum(PURCHASE_POTENTIALS, { index: true }),
    /** `rules` follows the classification rule set; `manual` was set by someone and stays. */
    purchasePotentialSource: field.enum(['rules', 'manual'] as const, {
      required: true,
      default: 'rules',
    }),
    website: field.text({ maxLength: 500 }),
    email: field.text({ maxLength: 254 }),
    phone: field.text({ maxLength: 40 }),
    addresses: field.jsonOf<CompanyAddress[]>()(),
    /** ISO 3166-1 alpha-2 (`CN`); input takes a code or an English or Chinese name. */
    country: field.text({ maxLength: 100, index: true }),
    foundedYear: field.integer({ min: 1000, max: 3000 }),
    parentId: field.reference('company', { index: true }),
    ownerId: field.text({ maxLength: 128, index: true }),
    territoryId: field.text({ maxLength: 128, index: true }),
    lifecycleStage: field.enum(LIFECYCLE_STAGES, { required: true, default: 'lead' }),
    /**
     * When the company first became a customer (`lifecycleStage` set to `customer`), kept when
     * it churns and returns: the date that makes it a "new customer" of a period (team KPIs).
     */
    customerSince: field.timestamp({ index: true }),
    externalId: field.text({ maxLength: 200, unique: true }),
    tags: field.textList({ required: true, default: () => [], maxItems: 100, maxLength: 100 }),
    ...interactionCounterFields,
    nameKey: field.text({ maxLength: 1000, index: true }),
    domain: field.text({ maxLength: 253, index: true }),
    /** The E.164 number of `phone` (extension left out), compared by duplicate detection. */
    phoneKey: field.text({ maxLength: 20, index: true }),
  },
  indexes: [
    // Segment queries filter industry and size, and page by name.
    { fields: ['industry', 'sizeClass', 'name'] },
    { fields: ['lifecycleStage', 'lastInteractionAt'] },
  ],
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});

/** A company as stored. Plugin fields appear as extra members at run time. */
export type Company = InferRecord<typeof company>;

/** Fields the services maintain themselves and refuse as input. */
export const COMPANY_DERIVED_FIELDS = [
  'customerSince',
  'sizeClassSource',
  'purchasePotentialSource',
  ...INTERACTION_COUNTER_FIELDS,
  'nameKey',
  'domain',
  'phoneKey',
] as const;

type CompanyDerivedField = (typeof COMPANY_DERIVED_FIELDS)[number];

/**
 * What creating a company takes. Plugin fields may be passed alongside (they are validated
 * by the composed model at run time).
 */
export type CompanyInput = Omit<InferCreate<typeof company>, CompanyDerivedField | 'id'> & {
  readonly [customField: string]: unknown;
};

/** What updating a company takes: any subset of {@link CompanyInput}; `null` clears. */
export type CompanyPatch = {
  [K in keyof Omit<InferCreate<typeof company>, CompanyDerivedField | 'id' | 'name'>]?:
    | InferCreate<typeof company>[K]
    | null;
} & { name?: string; readonly [customField: string]: unknown };
