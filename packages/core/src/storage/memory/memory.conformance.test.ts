import { runStorageConformance } from '../../testing/index.js';
import { memory } from './index.js';

runStorageConformance('memory', () => memory());
