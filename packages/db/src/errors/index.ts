export { classifyDatabaseError } from './classify-database-error.js';
export { ErrorCode, SweepscopeError, coerceError } from './sweepscope-error.js';
export type { SweepscopeErrorOptions } from './sweepscope-error.js';
