export type { DateParts, TimeParts } from './calendar-date.js';
export {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  dateParts,
  dayOfWeek,
  formatDate,
  isCalendarDate,
  isLeapYear,
  requireDate,
  timeParts,
} from './calendar-date.js';
export type { TenantSettingsCache } from './settings-cache.js';
export { tenantSettingsCache } from './settings-cache.js';
export type { CalendarUnit, LocalOffset, TenantCalendar } from './tenant-calendar.js';
export { CALENDAR_UNITS, createTenantCalendar } from './tenant-calendar.js';
export type {
  TenantSettings,
  TenantSettingsInput,
  TenantSettingsResolver,
  WeekStartsOn,
} from './tenant-settings.js';
export {
  canonicalTimeZone,
  DEFAULT_TENANT_SETTINGS,
  resolveTenantSettings,
} from './tenant-settings.js';
