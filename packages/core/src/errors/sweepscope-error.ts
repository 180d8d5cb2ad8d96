/** What went wrong, shared by every layer: the CLI maps it to an exit status, the API to `extensions.code`. */
export enum ErrorCode {
  /** The caller gave a value that is malformed or impossible; fix the input. */
  BadUserInput = 'BAD_USER_INPUT',
  /** The thing asked for does not exist. */
  NotFound = 'NOT_FOUND',
  /** The current state forbids the change. */
  Conflict = 'CONFLICT',
  /** The request did not carry the server's access token. */
  Unauthenticated = 'UNAUTHENTICATED',
  /**
   * A worker's write for a run it no longer holds: its lease passed to another worker after
   * it stopped answering, or a person cancelled the run. The worker drops the run.
   */
  LeaseLost = 'LEASE_LOST',
  /** The database could not be reached or started. */
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  /** Anything else: a bug or an environment failure. Apollo's own code for it, so the API has one. */
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** Options of {@link SweepscopeError}. */
export interface SweepscopeErrorOptions {
  /** The underlying error. */
  cause?: unknown;
  /** Path of the offending input field, e.g. `['input', 'cells']`. */
  field?: readonly string[];
}

/** The one error class of Sweepscope: a message for people and a {@link ErrorCode} for programs. */
export class SweepscopeError extends Error {
  override readonly name = 'SweepscopeError';
  readonly field: readonly string[] | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: SweepscopeErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.field = options.field;
  }
}

/**
 * Turns anything thrown into an `Error`, so callers can rely on `.message` and `.cause`.
 * @param thrown whatever was caught
 */
export function coerceError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown), { cause: thrown });
}
