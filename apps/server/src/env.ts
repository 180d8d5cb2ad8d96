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
} as const;
