import { apiRouteUrl } from './api-route-url';

/** Where the API serves one sweep's epochs as files. */
export interface DownloadUrls {
  /** `GET /sweeps/:id/epochs.csv`: one row per epoch of each run's current attempt. */
  csv: string;
  /** `GET /sweeps/:id/epochs.json`: the same rows as an array of objects. */
  json: string;
}

/**
 * The download addresses of a sweep's epochs, beside the API's GraphQL endpoint (see {@link apiRouteUrl}).
 *
 * @param apiUrl - the GraphQL endpoint the browser uses, e.g. `http://localhost:4000/graphql`.
 * @throws {TypeError} when `apiUrl` is not an absolute URL.
 */
export function buildDownloadUrls(apiUrl: string, sweepId: string): DownloadUrls {
  const at = (format: 'csv' | 'json') => apiRouteUrl(apiUrl, `/sweeps/${encodeURIComponent(sweepId)}/epochs.${format}`);
  return { csv: at('csv'), json: at('json') };
}
