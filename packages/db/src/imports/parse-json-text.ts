import { ErrorCode, SweepscopeError } from '@sweepscope/core';

// Python's json module writes a NaN or infinite metric as a bare word, which JSON does not allow.
const pythonNonFinite = /(?<![\w."])(NaN|-?Infinity)(?![\w."])/;

/**
 * Parses JSON text, saying in words where it is not JSON. A `NaN` or `Infinity` as Python
 * writes them (a run that diverged) is named with its line.
 * @param source the text's name in messages
 * @param field the input errors are reported against
 * @throws {SweepscopeError} BAD_USER_INPUT when the text is empty or not JSON
 */
export function parseJsonText(content: string, source: string, field: string): unknown {
  const refuse = (message: string, cause?: unknown): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, message, { field: [field], cause });
  };
  if (content.trim() === '') refuse(`${source} is empty: expected JSON.`);
  try {
    return JSON.parse(content.startsWith('\uFEFF') ? content.slice(1) : content);
  } catch (error) {
    const nonFinite = pythonNonFinite.exec(content);
    if (nonFinite) {
      const line = content.slice(0, nonFinite.index).split('\n').length;
      refuse(
        `${source} line ${line}: a value is ${nonFinite[1]}: expected finite numbers (a run whose loss became NaN diverged, and its epochs cannot be imported).`,
        error,
      );
    }
    refuse(`${source} is not valid JSON (${(error as Error).message}): expected JSON text.`, error);
  }
}
