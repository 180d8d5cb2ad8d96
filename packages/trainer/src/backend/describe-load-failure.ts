/** An error's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why an optional engine package did not load: `not installed` when the package itself is
 * missing, otherwise the first line of the error (a missing dependency inside it is a broken
 * install, not an absent one).
 */
export function describeImportFailure(error: unknown, packageName: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && messageOf(error).includes(`'${packageName}'`)) {
    return 'not installed';
  }
  return `failed to load: ${messageOf(error).split('\n')[0] ?? ''}`;
}
