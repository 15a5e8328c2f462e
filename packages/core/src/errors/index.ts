export type { IssueList } from './field-issues.js';
export { isPlainObject, issueList, notFound, requireObject } from './field-issues.js';
export type { FieldIssue, SellkitErrorCode, SellkitErrorDetails } from './sellkit-error.js';
export {
  ERROR_CODES,
  fromZodError,
  isSellkitError,
  SellkitError,
  validationError,
} from './sellkit-error.js';
