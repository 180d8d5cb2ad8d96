export { buildSweepscopeSchema } from './schema/build-sweepscope-schema.js';
export { startServer } from './http/start-server.js';
export type { RunningServer, StartServerOptions } from './http/start-server.js';
export type { Context } from './context.js';
