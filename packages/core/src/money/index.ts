export {
  currencyCodes,
  currencyExponent,
  isCurrencyCode,
  MAX_CURRENCY_EXPONENT,
  MAX_MONEY_INTEGER_DIGITS,
} from './currencies.js';
export { divideRounded } from './exact.js';
export type { DecimalInput, RoundingMode } from './money.js';
export { Money, toDecimal } from './money.js';
