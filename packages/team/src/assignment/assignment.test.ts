import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS, PGLITE } from '../test-support/adapters.js';
import { assignmentSuite } from '../test-support/assignment.suite.js';

forEachAdapter([...ADAPTERS, ...PGLITE], assignmentSuite);
