import type { NextConfig } from 'next';

/**
 * Next.js configuration of the Sweepscope dashboard.
 *
 * The API address is not configured here: `src/env.ts` reads it per request,
 * so one build serves any `SWEEPSCOPE_API_URL`.
 */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
