import { Logger } from 'graphile-worker';

/**
 * A logger for the job queue that writes only its errors, prefixed: it logs every migration
 * step and every job at info level, which is noise in a terminal that shows training.
 * @param prefix what the lines start with, e.g. `worker`
 */
export function logErrorsOnly(prefix: string): Logger {
  return new Logger(() => (level, message) => {
    // LogLevel is an ambient const enum, which isolated modules cannot read.
    if ((level as string) === 'error') process.stderr.write(`${prefix}: ${message}\n`);
  });
}
