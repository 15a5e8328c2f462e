import { forEachAdapter } from './test-support/adapters.js';
import { approvalSuite } from './test-support/approval.suite.js';

forEachAdapter(approvalSuite);
