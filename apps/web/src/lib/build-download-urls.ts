/** Where the API serves one sweep's epochs as files. */
export interface DownloadUrls {
  /** `GET /sweeps/:id/epochs.csv`: one row per epoch of each run's current attempt. */
  csv: string;
  /** `GET /sweeps/:id/epochs.json`: the same rows as an array of objects. */
  json: string;
}

/**
 * The download addresses of a sweep's epochs, on the API's origin beside its
 * GraphQL endpoint: the API URL with its trailing `/graphql` taken off, so an
 * API mounted under a prefix keeps it (`https://host/api/graphql` →
 * `https://host/api/sweeps/7/epochs.csv`). Query and fragment are dropped.
 *
 * @param apiUrl - the GraphQL endpoint the browser uses, e.g. `http://localhost:4000/graphql`.
 * @throws {TypeError} when `apiUrl` is not an absolute URL.
 */
export function buildDownloadUrls(apiUrl: string, sweepId: string): DownloadUrls {
  const url = new URL(apiUrl);
  url.search = '';
  url.hash = '';
  const base = url.pathname.replace(/\/+$/, '').replace(/\/graphql$/, '');
  const at = (format: 'csv' | 'json') => {
    const file = new URL(url);
    file.pathname = `${base}/sweeps/${encodeURIComponent(sweepId)}/epochs.${format}`;
    return file.toString();
  };
  return { csv: at('csv'), json: at('json') };
}
