import { ErrorCode, SweepscopeError } from '@sweepscope/core';

// Network errors of a refused or dropped connection, Prisma's codes for the same (P1001
// unreachable, P1002 timed out, P1017 closed), and the SQLSTATE classes of a server
// shutting down (57: operator intervention) or a broken connection (08), and the server
// ending a session left idle inside a transaction (25P03: a client cut off mid-write).
const connectionErrnos = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'P1001', 'P1002', 'P1017']);
const connectionSqlStates = /^(57P0[1-3]|08...|25P03)$/;
// node-postgres reports its connection's failure (the server ended the session: 25P03, 57P01)
// once, as an event; every query after it fails with this message and no code, the one
// error recognised by its text.
const brokenClientMessage = 'Client has encountered a connection error and is not queryable';

/**
 * Recognises a lost or refused database connection anywhere in an error's `cause` chain,
 * by errno or SQLSTATE (by message text only for node-postgres's broken client, which has
 * neither), and says so plainly.
 * @returns a DATABASE_UNAVAILABLE SweepscopeError, or undefined for any other error
 */
export function classifyDatabaseError(error: unknown): SweepscopeError | undefined {
  for (let current = error, depth = 0; current && depth < 8; depth += 1) {
    const { code, cause, originalCode, message } = current as { code?: unknown; cause?: unknown; originalCode?: unknown; message?: unknown };
    const codes = [code, originalCode].filter((value): value is string => typeof value === 'string');
    if (codes.some((value) => connectionErrnos.has(value) || connectionSqlStates.test(value)) || message === brokenClientMessage) {
      return new SweepscopeError(
        ErrorCode.DatabaseUnavailable,
        'Lost the connection to the database (it stopped or cannot be reached). If it was the embedded one, ' +
          'the process that started it (npm start, or another command) has ended: start Sweepscope again.',
        { cause: error },
      );
    }
    current = cause;
  }
  return undefined;
}
