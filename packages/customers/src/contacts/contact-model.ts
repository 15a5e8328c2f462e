import { defineModel, field, type InferCreate, type InferRecord } from '@sellkit/core';
import {
  INTERACTION_COUNTER_FIELDS,
  interactionCounterFields,
} from '../companies/company-model.js';
import type { PhoneNumber } from '../shared/phone-number.js';
import type { PostalAddress } from '../shared/postal-address.js';

/** How a contact prefers to be reached. */
export const PREFERRED_CHANNELS = ['email', 'phone', 'sms', 'meeting', 'visit', 'post'] as const;
/** A preferred channel. */
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

/**
 * A person, usually at a company. `companyId` is the current employer; past employers are in
 * `contactCompanyHistory`. `ownerId` and `territoryId` drive access (the territory follows
 * the company's). `birthdayKey` and `anniversaryKey` (`MM-DD`) keep reminder queries indexed.
 *
 * Phones: `phones` holds each number's key, E.164 with an RFC 3966 extension
 * (`+19409863836;ext=4639`), so filters and duplicate checks compare numbers, not spellings;
 * `phoneNumbers` holds the details (E.164, extension, type, country, the text as entered).
 * Names: `lastName` is the family name, written first for Chinese names (`张` + `伟` is shown
 * `张伟`); `alternateName` keeps a pinyin or English name (`Zhang Wei`, `David Zhang`).
 */
export const contact = defineModel({
  name: 'contact',
  idPrefix: 'con',
  description: 'A person at a customer or prospect.',
  fields: {
    firstName: field.text({ maxLength: 100, searchable: true }),
    lastName: field.text({ required: true, maxLength: 100, searchable: true }),
    /** A pinyin, English or other second writing of the name (`Zhang Wei`). */
    alternateName: field.text({ maxLength: 200, searchable: true }),
    title: field.text({ maxLength: 200 }),
    emails: field.textList({ required: true, default: () => [], maxItems: 10, maxLength: 254 }),
    /** Phone keys: E.164, with `;ext=` when the number has an extension. */
    phones: field.textList({ required: true, default: () => [], maxItems: 10, maxLength: 40 }),
    /** The numbers of `phones`, parsed; null on contacts stored before phones were parsed. */
    phoneNumbers: field.jsonOf<PhoneNumber[]>()(),
    address: field.jsonOf<PostalAddress>()(),
    /** ISO 3166-1 alpha-2 code of `address.country`, kept for filters and reports. */
    country: field.text({ maxLength: 100, index: true }),
    birthday: field.date(),
    workAnniversary: field.date(),
    preferredChannel: field.enum(PREFERRED_CHANNELS),
    companyId: field.reference('company', { index: true }),
    ownerId: field.text({ maxLength: 128, index: true }),
    territoryId: field.text({ maxLength: 128, index: true }),
    externalId: field.text({ maxLength: 200, unique: true }),
    tags: field.textList({ required: true, default: () => [], maxItems: 100, maxLength: 100 }),
    ...interactionCounterFields,
    birthdayKey: field.text({ maxLength: 5, index: true }),
    anniversaryKey: field.text({ maxLength: 5, index: true }),
  },
  indexes: [{ fields: ['companyId', 'lastName'] }],
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});

/** A contact as stored. */
export type Contact = InferRecord<typeof contact>;

/** Fields the services maintain and refuse as input. */
export const CONTACT_DERIVED_FIELDS = [
  'territoryId',
  'phoneNumbers',
  'country',
  ...INTERACTION_COUNTER_FIELDS,
  'birthdayKey',
  'anniversaryKey',
] as const;

type ContactDerivedField = (typeof CONTACT_DERIVED_FIELDS)[number];

/** What creating a contact takes (plugin fields may be passed alongside). */
export type ContactInput = Omit<InferCreate<typeof contact>, ContactDerivedField | 'id'> & {
  readonly [customField: string]: unknown;
};

/** What updating a contact takes; changing `companyId` moves the contact (history kept). */
export type ContactPatch = {
  [K in keyof Omit<InferCreate<typeof contact>, ContactDerivedField | 'id' | 'lastName'>]?:
    | InferCreate<typeof contact>[K]
    | null;
} & { lastName?: string; readonly [customField: string]: unknown };

/**
 * One employment of a contact: at which company, with which title, from when until when
 * (`endedAt` null for the current one). Written when a contact is created or changes company.
 */
export const contactCompanyHistory = defineModel({
  name: 'contactCompanyHistory',
  idPrefix: 'cch',
  audited: false,
  fields: {
    contactId: field.reference('contact', { required: true }),
    companyId: field.reference('company', { required: true, index: true }),
    title: field.text({ maxLength: 200 }),
    startedAt: field.timestamp({ required: true }),
    endedAt: field.timestamp(),
  },
  indexes: [{ fields: ['contactId', 'startedAt'] }],
});

/** One employment record. */
export type ContactEmployment = InferRecord<typeof contactCompanyHistory>;
