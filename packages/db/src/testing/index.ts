export { findFreePort, startTestServer } from './start-test-server.js';
export type { StartTestServerOptions, TestServer } from './start-test-server.js';
export { claimTestRun } from './claim-test-run.js';
export { createTestDatabase } from './create-test-database.js';
export type { CreateTestDatabaseOptions, TestDatabase } from './create-test-database.js';
export { queryDatabase } from './query-database.js';
export { useTestDatabase } from './use-test-database.js';
export type { SuiteDatabase } from './use-test-database.js';
