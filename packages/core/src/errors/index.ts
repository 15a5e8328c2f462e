export type { IssueList } from './field-issues.js';
export { issueList, notFound, requireObject } from './field-issues.js';
export type { FieldIssue, SellkitErrorCode, SellkitErrorDetails } from './sellkit-error.js';
export {
  clipText,
  ERROR_CODES,
  ERROR_TEXT_LIMITS,
  fromZodError,
  isSellkitError,
  SellkitError,
  validationError,
} from './sellkit-error.js';
