/** Where Debian's `dataset-fashion-mnist` package installs the files. */
export const FASHION_MNIST_SYSTEM_DIR = '/usr/share/datasets/fashion-mnist';

/** One of Fashion-MNIST's four gzip IDX files. */
export interface FashionMnistFile {
  /** File name, as published and as Debian installs it, e.g. `'train-images-idx3-ubyte.gz'`. */
  name: string;
  /**
   * SHA-256 of the *decompressed* IDX bytes, lower-case hex. The `.gz` bytes are not
   * hashed because Debian recompressed the files: same data, different archives.
   */
  sha256: string;
}

/**
 * The four files of Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017), by role. The hashes
 * were measured from Debian's files, which hold the same data as the canonical ones.
 */
export const FASHION_MNIST_FILES = {
  trainImages: {
    name: 'train-images-idx3-ubyte.gz',
    sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
  },
  trainLabels: {
    name: 'train-labels-idx1-ubyte.gz',
    sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
  },
  valImages: {
    name: 't10k-images-idx3-ubyte.gz',
    sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
  },
  valLabels: {
    name: 't10k-labels-idx1-ubyte.gz',
    sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
  },
} as const satisfies Record<string, FashionMnistFile>;

/** The four file names, in a fixed order for messages. */
export const FASHION_MNIST_FILE_NAMES: readonly string[] = Object.values(FASHION_MNIST_FILES).map((file) => file.name);
