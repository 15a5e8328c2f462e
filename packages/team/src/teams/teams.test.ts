import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { teamSuite } from '../test-support/teams.suite.js';

forEachAdapter(ADAPTERS, teamSuite);
