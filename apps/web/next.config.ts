import type { NextConfig } from 'next';

/**
 * Next.js configuration of the Sweepscope dashboard.
 *
 * The API address is not configured here: `src/env.ts` reads it per request,
 * so one build serves any `SWEEPSCOPE_API_URL`.
 *
 * Responses go out uncompressed: the dashboard is served on loopback, or
 * behind a proxy that compresses (see the README), and gzip in this process
 * held the first byte of a 1,000-run sweep's 3 MB page back by about 100–200 ms
 * on a 2-core machine that is also training.
 */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  typedRoutes: false,
  poweredByHeader: false,
  compress: false,
};

export default nextConfig;
