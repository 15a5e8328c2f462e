export { createSession } from './session.js';
export type { SessionShared, SessionState, SqlSession, TransactionOpener } from './types.js';
