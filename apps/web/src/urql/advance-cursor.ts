/**
 * The cursor a stream's event carries: a subscription result whose one root
 * field is an object with a string `cursor` (as `sweepEvents` and
 * `runEpochs` are). Undefined for anything else: no data, errors only, or a
 * root field without a cursor.
 */
export function readEventCursor(result: { data?: unknown }): string | undefined {
  const data = result.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = Object.values(data);
  if (fields.length !== 1) return undefined;
  const event: unknown = fields[0];
  if (typeof event !== 'object' || event === null || !('cursor' in event)) return undefined;
  return typeof event.cursor === 'string' ? event.cursor : undefined;
}

/**
 * Moves a subscription's `after` variable to the cursor of the event it just
 * delivered, in place. graphql-ws sends the same payload object again each
 * time it reconnects, so a stream whose `after` follows its events resumes
 * after the newest one it delivered: nothing missed, nothing repeated. Does
 * nothing for a subscription without an `after` variable or an event without
 * a cursor.
 *
 * @param variables - the variables object of the payload handed to graphql-ws (not urql's own: the operation's key must not change).
 */
export function advanceAfterCursor(variables: Record<string, unknown> | undefined, result: { data?: unknown }): void {
  if (variables === undefined || !('after' in variables)) return;
  const cursor = readEventCursor(result);
  if (cursor !== undefined) variables['after'] = cursor;
}
