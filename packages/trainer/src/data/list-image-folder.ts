import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

/** File extensions read as images, lower-case: what sharp decodes and Keras' `image_dataset_from_directory` accepts, plus WebP and TIFF. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp', '.tif', '.tiff']);

/** The layouts an image folder may have, for error messages. */
export const IMAGE_FOLDER_LAYOUTS = 'root/<class>/*.jpg|png (split by the seed) or root/train/<class> + root/val/<class>';

/** Names accepted for the validation folder next to `train`, in order of preference. */
const VAL_FOLDER_NAMES = ['val', 'validation', 'test'];

/** Folders nested deeper than this inside a class folder are not read (it also stops symlink loops). */
const MAX_DEPTH = 16;

/** The image files of a folder, by class. */
export interface ImageFolderListing {
  /** Class names: the sorted names of the class folders, so label `i` is `classNames[i]`. */
  classNames: string[];
  /** Image paths per class, `[numClasses][files]`, each list sorted. */
  train: string[][];
  /** Image paths per class for the `root/train` + `root/val` layout; undefined for `root/<class>`. */
  val: string[][] | undefined;
  /** Where the class folders were read from, e.g. `'/data/flowers'` or `'/data/flowers/train + /data/flowers/val'`. */
  source: string;
  /** Folders left out, with why, e.g. `'/data/flowers/notes (no images)'`. */
  ignored: string[];
}

/**
 * Lists the images of a folder laid out as `root/<class>/*` or as `root/train/<class>/*`
 * plus `root/val/<class>/*` (`validation` or `test` also name the validation folder;
 * `root/train` alone is read as `root/<class>`). Classes are the sorted names of the
 * class folders that hold at least one image, as Keras' `image_dataset_from_directory`
 * orders them. Images may sit in subfolders of a class folder. Hidden files and folders
 * and files of other extensions are left out. Nothing is decoded here.
 *
 * @param root the folder given as `dataDir`
 * @throws SweepscopeError BAD_USER_INPUT (field `['dataDir']`) naming the path and the expected
 *   layouts when `root` does not exist, is not a folder or holds no class folder with images,
 *   or when a validation class has no training folder
 */
export async function listImageFolder(root: string): Promise<ImageFolderListing> {
  const rootStats = await stat(root).catch(() => undefined);
  if (rootStats === undefined) fail(`dataDir ${root} does not exist`);
  if (!rootStats.isDirectory()) fail(`dataDir ${root} is not a folder`);

  const top = await listFolders(root);
  const trainDir = top.find((name) => name.toLowerCase() === 'train');
  const valDir = VAL_FOLDER_NAMES.map((wanted) => top.find((name) => name.toLowerCase() === wanted)).find((name) => name !== undefined);
  const ignored: string[] = [];
  if (trainDir === undefined) {
    const train = await listClasses(root, ignored);
    if (train.size === 0) fail(await describeEmpty(root));
    return { ...byClass(train, undefined), source: root, ignored };
  }

  const trainRoot = join(root, trainDir);
  const train = await listClasses(trainRoot, ignored);
  if (train.size === 0) fail(await describeEmpty(trainRoot));
  if (valDir === undefined) return { ...byClass(train, undefined), source: trainRoot, ignored };

  const valRoot = join(root, valDir);
  const val = await listClasses(valRoot, ignored);
  const strangers = [...val.keys()].filter((name) => !train.has(name));
  if (strangers.length > 0) {
    fail(
      `dataDir ${root}: expected every class of ${valRoot} to have a folder of images in ${trainRoot}, ` +
        `got ${strangers.map((name) => `"${name}"`).join(', ')} only in ${valRoot}`,
    );
  }
  if (val.size === 0) fail(await describeEmpty(valRoot));
  for (const name of top) {
    if (name !== trainDir && name !== valDir) ignored.push(`${join(root, name)} (neither ${trainDir} nor ${valDir})`);
  }
  return { ...byClass(train, val), source: `${trainRoot} + ${valRoot}`, ignored };
}

/** Orders classes by name and files by path, and lines the validation classes up with them. */
function byClass(train: Map<string, string[]>, val: Map<string, string[]> | undefined): Pick<ImageFolderListing, 'classNames' | 'train' | 'val'> {
  const classNames = [...train.keys()].sort();
  return {
    classNames,
    train: classNames.map((name) => train.get(name) ?? []),
    val: val === undefined ? undefined : classNames.map((name) => val.get(name) ?? []),
  };
}

/** Class folders of `dir` that hold images, with their sorted image paths; others go to `ignored`. */
async function listClasses(dir: string, ignored: string[]): Promise<Map<string, string[]>> {
  const classes = new Map<string, string[]>();
  for (const name of await listFolders(dir)) {
    const files = await listImages(join(dir, name), 0);
    if (files.length === 0) ignored.push(`${join(dir, name)} (no images)`);
    else classes.set(name, files.sort());
  }
  return classes;
}

/** Sorted names of the visible subfolders of `dir`, symlinks to folders included. */
async function listFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries) {
    if (!entry.name.startsWith('.') && (await kindOf(dir, entry)) === 'folder') folders.push(entry.name);
  }
  return folders.sort();
}

/** Image files under `dir`, its subfolders included. */
async function listImages(dir: string, depth: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const kind = await kindOf(dir, entry);
    const path = join(dir, entry.name);
    if (kind === 'file' && IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    else if (kind === 'folder' && depth < MAX_DEPTH) files.push(...(await listImages(path, depth + 1)));
  }
  return files;
}

async function kindOf(dir: string, entry: Dirent): Promise<'file' | 'folder' | 'other'> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (!entry.isSymbolicLink()) return 'other';
  // Follow links, since data sets are often assembled from linked folders; a broken one is left out.
  const target = await stat(join(dir, entry.name)).catch(() => undefined);
  if (target?.isFile()) return 'file';
  return target?.isDirectory() ? 'folder' : 'other';
}

/** Says why a folder gave no classes: loose images in it are the likely mistake. */
async function describeEmpty(dir: string): Promise<string> {
  const loose = (await listImages(dir, MAX_DEPTH)).length;
  return loose > 0 ? `dataDir ${dir} holds ${loose} image${loose === 1 ? '' : 's'} but no class folders` : `dataDir ${dir} holds no images in class folders`;
}

function fail(problem: string): never {
  throw new SweepscopeError(ErrorCode.BadUserInput, `${problem}: expected a folder laid out as ${IMAGE_FOLDER_LAYOUTS}.`, {
    field: ['dataDir'],
  });
}
