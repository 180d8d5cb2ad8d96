export { startWorkerProcesses } from './start-worker-processes.js';
export type { StartWorkerProcessesOptions, WorkerProcesses } from './start-worker-processes.js';
export { stopChildProcess } from './stop-child-process.js';
export { superviseProcess } from './supervise-process.js';
export type { SupervisedProcess, SuperviseProcessOptions } from './supervise-process.js';
export { answers, startService } from './start-service.js';
export type { Service, StartServiceOptions } from './start-service.js';
