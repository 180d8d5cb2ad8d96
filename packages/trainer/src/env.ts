import { homedir } from 'node:os';
import { join } from 'node:path';

// The only file of the trainer that reads `process.env`. Settings are functions, not
// constants read at import, so a test can set a variable before the code under test asks.

/** Where Fashion-MNIST's four files are published by Zalando Research. */
export const FASHION_MNIST_CANONICAL_URL = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/';

/**
 * Folder for files the trainer downloads once and keeps, such as Fashion-MNIST
 * (in its `fashion-mnist` subfolder). An empty `SWEEPSCOPE_CACHE_DIR` counts as unset.
 *
 * @returns an absolute path, from `SWEEPSCOPE_CACHE_DIR` when set
 * @default `~/.cache/sweepscope`
 */
export function cacheDir(): string {
  return process.env.SWEEPSCOPE_CACHE_DIR || join(homedir(), '.cache', 'sweepscope');
}

/**
 * Base URL that Fashion-MNIST's `.gz` files are downloaded from (the file name is
 * appended). Tests point `SWEEPSCOPE_FASHION_MNIST_URL` at a local server; a mirror works too,
 * since every file is checked against its SHA-256 whatever the source.
 *
 * @returns a URL ending in `/`
 * @default {@link FASHION_MNIST_CANONICAL_URL}
 */
export function fashionMnistSourceUrl(): string {
  const url = process.env.SWEEPSCOPE_FASHION_MNIST_URL || FASHION_MNIST_CANONICAL_URL;
  // Without the slash, `new URL(file, base)` would replace the base's last path segment.
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The environment of a process this one starts (a worker, a server): its own, with `extra`
 * over it, e.g. the database to use.
 */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * The Vulkan drivers the loader is told to use (`VK_ICD_FILENAMES`, read by Vulkan itself):
 * when set, Dawn may find an adapter even on a machine with no GPU device node, such as
 * SwiftShader's software one. Undefined when not set.
 */
export function vulkanDrivers(): string | undefined {
  return process.env.VK_ICD_FILENAMES || undefined;
}
