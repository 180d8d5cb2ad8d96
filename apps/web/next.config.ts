import type { NextConfig } from 'next';

/**
 * Next.js configuration of the Sweepscope dashboard.
 *
 * The API address is not configured here: `src/env.ts` reads it per request,
 * so one build serves any `SWEEPSCOPE_API_URL`.
 *
 * Responses go out uncompressed: the dashboard is served on loopback, or
 * behind a proxy that compresses (see the README). On loopback, gzip in this
 * process only adds work to a large sweep's 3 MB page on a machine that is
 * also training (by curl, 0.58–0.61 s to its first byte against 0.41–0.43 s
 * uncompressed, in one run).
 */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  typedRoutes: false,
  poweredByHeader: false,
  compress: false,
};

export default nextConfig;
