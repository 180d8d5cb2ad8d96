/** Settings read from the environment; the only place in the API bench that reads `process.env`. */
export const env = {
  /** Whether DATABASE_URL names the server to bench on (else the embedded test server is used). */
  usesDatabaseUrl: Boolean(process.env.DATABASE_URL),
  /**
   * The environment the bench's own API server starts with: this process's, less the
   * settings that would take it off loopback or make every request need a token, since the
   * bench's clients send none.
   */
  serverEnvironment(): Record<string, string> {
    const { SWEEPSCOPE_TOKEN: _token, HOST: _host, ...rest } = process.env;
    return Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => entry[1] !== undefined));
  },
} as const;
