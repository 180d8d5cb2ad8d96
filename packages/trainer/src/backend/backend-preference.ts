/** Which TensorFlow.js engine to run on. `'auto'` takes the fastest one that loads. */
export type BackendPreference = 'auto' | 'node-gpu' | 'node' | 'webgpu' | 'wasm' | 'cpu';

/**
 * Every preference, `'auto'` first and then the engines in the order it tries them. Apart from
 * `select-backend.ts`, so that reading flags does not load TensorFlow.js.
 */
export const backendPreferences: readonly BackendPreference[] = ['auto', 'node-gpu', 'node', 'webgpu', 'wasm', 'cpu'];
