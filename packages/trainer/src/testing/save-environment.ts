/**
 * Notes the values of some environment variables, for a test that changes them.
 * @returns a function that puts them back as they were, deleting those that were unset
 */
export function saveEnvironment(names: readonly string[]): () => void {
  // eslint-disable-next-line no-restricted-properties -- a test helper saves and restores settings, it does not read them
  const saved = names.map((name) => [name, process.env[name]] as const);
  return () => {
    for (const [name, value] of saved) {
      // eslint-disable-next-line no-restricted-properties -- as above
      if (value === undefined) delete process.env[name];
      // eslint-disable-next-line no-restricted-properties -- as above
      else process.env[name] = value;
    }
  };
}
