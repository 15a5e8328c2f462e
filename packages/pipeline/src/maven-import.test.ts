import { memory } from '@sellkit/core';
import { sqlite } from '@sellkit/storage-kysely';
import { mavenSuite } from './test-support/maven.suite.js';

mavenSuite('memory', () => memory(), false);
mavenSuite('sqlite', () => sqlite({ memory: true }), true);
