/** A GraphQL response as it came over HTTP. */
export interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string; field?: string[] } }[];
}

/** Posts one operation to the API, as any HTTP client would. */
export async function postGraphQL<Data>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}
