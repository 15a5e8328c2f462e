export type {
  AccessFields,
  AnyModel,
  FieldMap,
  FieldValue,
  IndexDefinition,
  InferCreate,
  InferPatch,
  InferRecord,
  ModelDefinition,
  ModelInput,
  SystemFields,
} from './define-model.js';
export { defineModel, extendModel, RESERVED_FIELD_NAMES, SYSTEM_FIELDS } from './define-model.js';
export type { FieldSchemaMode } from './field-schema.js';
export { fieldValueSchema } from './field-schema.js';
export type {
  AnyField,
  BooleanOptions,
  CommonFieldOptions,
  DateOptions,
  DecimalOptions,
  EnumOptions,
  FieldDefinition,
  FieldFor,
  FieldKind,
  IntegerOptions,
  JsonOptions,
  MoneyOptions,
  ReferenceOptions,
  TextListOptions,
  TextOptions,
  TimestampOptions,
} from './fields.js';
export { field } from './fields.js';
export type { ModelSchemas, ValidatedValues } from './schema.js';
export { modelSchemas } from './schema.js';
