export {
  currencyCodes,
  currencyExponent,
  isCurrencyCode,
  MAX_CURRENCY_EXPONENT,
} from './currencies.js';
export { divideRounded } from './exact.js';
export type { DecimalInput, RoundingMode } from './money.js';
export { Money, toDecimal } from './money.js';
