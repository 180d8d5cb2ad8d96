import { coerceError, ErrorCode, SweepscopeError } from '@sweepscope/core';
import { selectBackend, type BackendPreference, type SelectedBackend } from '../backend/select-backend.js';

/**
 * Loads the backend `--backend` names, for a command that trains here.
 * @throws {SweepscopeError} BAD_USER_INPUT naming `--backend`, why it did not load, and `--backend auto`
 */
export function selectBackendFlag(preference: BackendPreference): Promise<SelectedBackend> {
  return selectBackend(preference).catch((error: unknown) => {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `--backend ${preference} cannot be used here: ${coerceError(error).message}. Use --backend auto to take the best one that loads.`,
      { cause: error, field: ['--backend'] },
    );
  });
}
