/**
 * An input object without its null and undefined fields: in Sweepscope's inputs a field
 * sent as null means "not given", so the service's own defaults apply.
 */
export function withoutNulls<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}
