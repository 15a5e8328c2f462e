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
