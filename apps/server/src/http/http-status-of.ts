import { ErrorCode } from '@sweepscope/core';

const statuses: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.LeaseLost]: 409,
  [ErrorCode.Internal]: 500,
  [ErrorCode.DatabaseUnavailable]: 503,
};

/** The HTTP status of each error code, for the routes served outside GraphQL. */
export function httpStatusOf(code: ErrorCode): number {
  return statuses[code];
}
