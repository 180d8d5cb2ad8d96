import { fileURLToPath } from 'node:url';

/** The repository root, where the built apps live. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export { answers, startService } from '@sweepscope/trainer/processes';
export type { Service, StartServiceOptions } from '@sweepscope/trainer/processes';
export { findFreePort } from '@sweepscope/db/testing';
