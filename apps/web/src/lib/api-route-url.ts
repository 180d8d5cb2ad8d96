/**
 * The address of one of the API's plain-HTTP routes, on the API's origin beside its
 * GraphQL endpoint: the API URL with its trailing `/graphql` taken off, so an API mounted
 * under a prefix keeps it (`https://host/api/graphql` → `https://host/api/sweeps/7/epochs.csv`).
 * The endpoint's own query and fragment are dropped.
 *
 * @param apiUrl - the GraphQL endpoint the browser uses, e.g. `http://localhost:4000/graphql`.
 * @param path - the route, from the API's root, e.g. `/imports`.
 * @param query - its query parameters; empty values are left out.
 * @throws {TypeError} when `apiUrl` is not an absolute URL.
 */
export function apiRouteUrl(apiUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(apiUrl);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/graphql$/, '')}${path}`;
  for (const [name, value] of Object.entries(query)) if (value !== '') url.searchParams.set(name, value);
  return url.toString();
}
