import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/** Settings read from the environment; the only place in the server that reads `process.env`. */
export const env = {
  /** @default 4000 */
  port: Number(process.env.PORT || 4000),
  /** Interface to listen on. @default '127.0.0.1' (this machine only) */
  host: process.env.HOST || '127.0.0.1',
  /**
   * Origins allowed to call the API from a browser (comma-separated).
   * @default the web app on port 3000
   */
  webOrigins: (process.env.SWEEPSCOPE_WEB_ORIGIN || 'http://localhost:3000,http://127.0.0.1:3000')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
  /**
   * The access token every request must carry (`Authorization: Bearer <token>`, or the
   * graphql-ws `connection_init` payload). Required when `host` is beyond loopback.
   * @default undefined (no token: nothing is required, so the server must stay on loopback)
   */
  token: process.env.SWEEPSCOPE_TOKEN?.trim() || undefined,
  /**
   * Whether clients may introspect the schema (`SWEEPSCOPE_INTROSPECTION=false` turns it off).
   * @default true
   * @throws {SweepscopeError} BAD_USER_INPUT, when read, for a value other than true/false/1/0/yes/no/on/off
   */
  get introspection(): boolean {
    return parseSwitch('SWEEPSCOPE_INTROSPECTION', process.env.SWEEPSCOPE_INTROSPECTION, true);
  },
  /**
   * The deepest nesting of fields an operation may have (`SWEEPSCOPE_MAX_QUERY_DEPTH`).
   * @default 10
   * @throws {SweepscopeError} BAD_USER_INPUT, when read, for a value that is not a positive integer
   */
  get maxQueryDepth(): number {
    return parsePositiveInteger('SWEEPSCOPE_MAX_QUERY_DEPTH', process.env.SWEEPSCOPE_MAX_QUERY_DEPTH, 10);
  },
  /**
   * The largest cost an operation may have (`SWEEPSCOPE_MAX_QUERY_COST`): a field 1,
   * `conclusions` 100, every alias and fragment spread counted.
   * @default 2000
   * @throws {SweepscopeError} BAD_USER_INPUT, when read, for a value that is not a positive integer
   */
  get maxQueryCost(): number {
    return parsePositiveInteger('SWEEPSCOPE_MAX_QUERY_COST', process.env.SWEEPSCOPE_MAX_QUERY_COST, 2000);
  },
  /**
   * The largest results file `POST /imports` takes, in bytes (`SWEEPSCOPE_MAX_IMPORT_BYTES`).
   * @default 1073741824 (1 GiB: some 15 million epoch rows)
   * @throws {SweepscopeError} BAD_USER_INPUT, when read, for a value that is not a positive integer
   */
  get maxImportBytes(): number {
    return parsePositiveInteger('SWEEPSCOPE_MAX_IMPORT_BYTES', process.env.SWEEPSCOPE_MAX_IMPORT_BYTES, 1_073_741_824);
  },
} as const;

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new SweepscopeError(ErrorCode.BadUserInput, `${name}: expected true or false, got ${JSON.stringify(raw)}`);
}

function parsePositiveInteger(name: string, raw: string | undefined, fallback: number): number {
  const value = raw?.trim();
  if (value === undefined || value === '') return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${name}: expected a positive whole number, got ${JSON.stringify(raw)}`);
  }
  return Number(value);
}
