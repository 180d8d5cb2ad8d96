export { createPrisma } from './client/create-prisma.js';
export type { PrismaClient } from './client/create-prisma.js';
export { largestId } from './client/largest-id.js';
export type { Epoch, Run, Sweep } from './generated/prisma/client.js';
export type { StoredRunStatusesMatch } from './client/stored-run-status.js';
export { openDatabase } from './database/open-database.js';
export type { OpenDatabase } from './database/open-database.js';
export { logErrorsOnly, sweepFlag, trainRunTask } from './queue/index.js';
export type { TrainRunPayload } from './queue/index.js';
