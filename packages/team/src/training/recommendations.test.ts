import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { recommendationSuite } from '../test-support/recommendations.suite.js';

forEachAdapter(ADAPTERS, recommendationSuite);
