export { applyMigrations } from './apply-migrations.js';
export { diffSchema } from './diff-schema.js';
