/** Keeps the value for the last key asked for. */
export interface OneEntryCache<K, V> {
  /** The value for `key`, loaded only when the key differs from the last call's. */
  get(key: K): Promise<V>;
}

/** Options of {@link createOneEntryCache}. */
export interface CreateOneEntryCacheOptions<K, V> {
  load: (key: K) => Promise<V>;
  /** The identity of a key; keys with the same identity share a value. */
  identify: (key: K) => string;
  /** Releases a value that a newer key replaced. @default nothing */
  release?: (value: V) => void;
}

/**
 * A one-entry cache for what a worker loads per sweep (its data set, its pretrained weights):
 * a sweep's runs all share one, and holding every one a worker ever saw would grow without
 * bound. A failed load is forgotten, so the next call tries again.
 */
export function createOneEntryCache<K, V>(options: CreateOneEntryCacheOptions<K, V>): OneEntryCache<K, V> {
  let last: { id: string; value: Promise<V> } | undefined;
  return {
    get(key) {
      const id = options.identify(key);
      if (last?.id !== id) {
        const previous = last?.value;
        const value = options.load(key);
        last = { id, value };
        value.catch(() => {
          if (last?.value === value) last = undefined;
        });
        // A run still using the old value holds it until it ends: runs of one worker take turns.
        if (previous && options.release) previous.then(options.release, () => {});
      }
      return last.value;
    },
  };
}
