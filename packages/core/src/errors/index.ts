export type { FieldIssue, SellkitErrorCode, SellkitErrorDetails } from './sellkit-error.js';
export {
  ERROR_CODES,
  fromZodError,
  isSellkitError,
  SellkitError,
  validationError,
} from './sellkit-error.js';
