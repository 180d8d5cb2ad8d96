export { createTestDatabase } from './create-test-database.js';
export type { CreateTestDatabaseOptions, TestDatabase } from './create-test-database.js';
export { queryDatabase } from './query-database.js';
