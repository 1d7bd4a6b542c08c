/**
 * Why `require` here: a module that is only needed after the first screen (conf with its JSON-schema
 * compiler, marked, yaml) should not be evaluated at start-up — measured with `npm run bench`, each
 * of those costs tens of milliseconds. In the esbuild bundle, `require` of a bundled ES module
 * becomes a wrapper evaluated on first call; unbundled (tests), Node's require loads it.
 */
export function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= load();
    return value;
  };
}
