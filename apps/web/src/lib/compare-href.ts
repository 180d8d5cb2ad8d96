/**
 * The compare page's address for these runs, in this order: `/compare?runs=12,15`
 * (its `runs` key, see `compareUrlState`); `/compare` for none.
 */
export function compareHref(runIds: readonly string[]): string {
  return runIds.length === 0 ? '/compare' : `/compare?runs=${runIds.map((id) => encodeURIComponent(id)).join(',')}`;
}
