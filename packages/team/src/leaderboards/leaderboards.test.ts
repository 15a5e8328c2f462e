import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS, PGLITE } from '../test-support/adapters.js';
import { leaderboardSuite } from '../test-support/leaderboards.suite.js';

forEachAdapter([...ADAPTERS, ...PGLITE], leaderboardSuite);
