export { idTime, isId, newId } from './ids.js';
