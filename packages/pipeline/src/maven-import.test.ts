import { forEachAdapter } from './test-support/adapters.js';
import { mavenSuite } from './test-support/maven.suite.js';

// The import is checked with and without the team module; SQL adapters take the fuller one.
forEachAdapter((name, factory) => mavenSuite(name, factory, name !== 'memory'));
