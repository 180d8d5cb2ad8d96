export { classifyDatabaseError } from './classify-database-error.js';
