import { forEachAdapter } from './test-support/adapters.js';
import { calendarSuite } from './test-support/calendar.suite.js';

forEachAdapter(calendarSuite);
