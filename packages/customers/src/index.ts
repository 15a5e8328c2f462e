/**
 * Sellkit customers: companies, contacts, classification, tags, segments, interaction timeline,
 * reminders, duplicates, CSV import and export.
 *
 * @packageDocumentation
 * @module @sellkit/customers
 */
export type { ClassificationExplanation, ReclassifyReport } from './classification/explain.js';
export type { PotentialClassifier } from './classification/potential.js';
export {
  companyFacts,
  createPotentialClassifier,
  defaultPotentialRules,
} from './classification/potential.js';
export type { SizeThresholds } from './classification/size-class.js';
export { DEFAULT_SIZE_THRESHOLDS, deriveSizeClass } from './classification/size-class.js';
export type {
  Company,
  CompanyAddress,
  CompanyInput,
  CompanyPatch,
  LifecycleStage,
  PurchasePotential,
  SizeClass,
} from './companies/company-model.js';
export {
  COMPANY_DERIVED_FIELDS,
  company,
  LIFECYCLE_STAGES,
  PURCHASE_POTENTIALS,
  SIZE_CLASSES,
} from './companies/company-model.js';
export type { CompanyService } from './companies/company-service.js';
export type {
  RecodeCountriesOptions,
  RecodeCountriesReport,
  RecodeFailure,
} from './companies/recode-countries.js';
export type {
  Contact,
  ContactEmployment,
  ContactInput,
  ContactPatch,
  PreferredChannel,
} from './contacts/contact-model.js';
export {
  CONTACT_DERIVED_FIELDS,
  contact,
  contactCompanyHistory,
  PREFERRED_CHANNELS,
} from './contacts/contact-model.js';
export type { SplitName } from './contacts/contact-name.js';
export {
  COMPOUND_FAMILY_NAMES,
  contactDisplayName,
  isCjkName,
  splitFullName,
} from './contacts/contact-name.js';
export type { ParsedPhones } from './contacts/contact-phones.js';
export { parsePhones, phoneKeyOf } from './contacts/contact-phones.js';
export type { ContactService } from './contacts/contact-service.js';
export type {
  ReparseFailure,
  ReparsePhonesOptions,
  ReparsePhonesReport,
} from './contacts/reparse-phones.js';
export type {
  DuplicateCandidate,
  DuplicateReason,
  FindDuplicatesOptions,
} from './duplicates/find-duplicates.js';
export { DUPLICATE_WEIGHTS } from './duplicates/find-duplicates.js';
export {
  DEFAULT_FREE_MAIL_DOMAINS,
  LEGAL_SUFFIXES,
  normalizeCompanyName,
  phoneKey,
} from './duplicates/normalize.js';
export type {
  CustomerCreatedEvent,
  CustomerEvents,
  CustomerMergedEvent,
  CustomerUpdatedEvent,
  InteractionLoggedEvent,
  ReminderDueEvent,
  ReminderKind,
} from './events.js';
export { DEFAULT_EXPORT_COLUMNS, type ExportStreamOptions } from './export/csv-export.js';
export type { DateFormat } from './import/date-format.js';
export { compileDateFormat, readDate } from './import/date-format.js';
export type { CompanyImportOptions } from './import/import-companies.js';
export { MAVEN_ACCOUNTS_MAPPING } from './import/import-companies.js';
export type { ContactImportOptions } from './import/import-contacts.js';
export type { ImportProgress, ImportRejection, ImportReport } from './import/import-report.js';
export type {
  AddressSpec,
  ColumnMapping,
  ColumnSpec,
  ColumnsSpec,
  ImportMapping,
  SplitNameSpec,
  ValueMaps,
} from './import/mapping.js';
export type { ImportOptions, ImportSource } from './import/run-import.js';
export type {
  Interaction,
  InteractionDirection,
  InteractionType,
} from './interactions/interaction-model.js';
export {
  INTERACTION_DIRECTIONS,
  INTERACTION_TYPES,
  interaction,
} from './interactions/interaction-model.js';
export type {
  InteractionInput,
  InteractionService,
  TimelineQuery,
} from './interactions/interaction-service.js';
export { customers, customersHandle } from './module.js';
export type {
  CustomersOptions,
  IdDirectory,
  MergeReference,
  ReminderOptions,
} from './options.js';
export { DEFAULT_INDUSTRIES } from './options.js';
export { upcomingDays } from './reminders/occurrences.js';
export type { ReminderRunReport } from './reminders/reminder-job.js';
export { resolveSegmentFilter } from './segments/segment-filter.js';
export type { Segment, SegmentTarget } from './segments/segment-model.js';
export { SEGMENT_TARGETS, segment } from './segments/segment-model.js';
export type { SegmentInput, SegmentPageQuery, SegmentService } from './segments/segment-service.js';
export type { CustomersService, ExportOptions } from './service.js';
export type { CountryResolution } from './shared/country.js';
export {
  AMBIGUOUS_COUNTRY_NAMES,
  countryName,
  isCountryCode,
  resolveCountry,
} from './shared/country.js';
export { emailProblem, normalizeEmail } from './shared/email-address.js';
export type {
  FormatPhoneOptions,
  PhoneNumber,
  PhoneParse,
  PhoneType,
} from './shared/phone-number.js';
export { formatPhone, PHONE_TYPES, parsePhone } from './shared/phone-number.js';
export type { PostalAddress } from './shared/postal-address.js';
export { ADDRESS_KINDS } from './shared/postal-address.js';
export { registrableDomain, websiteHost } from './shared/web-domain.js';
export type { Tag } from './tags/tag-model.js';
export { tag } from './tags/tag-model.js';
export type { TagChangeReport, TagInput, TagService, TagTargets } from './tags/tag-service.js';
