import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ErrorCode, SweepscopeError } from '@sweepscope/core';

import { listImageFolder } from './list-image-folder.js';

let root: string;

/** Makes empty files: listing reads names only, so they need not be images. */
async function touch(...paths: string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), '');
  }
}

/** Asserts a BAD_USER_INPUT on dataDir whose message starts as given and names both layouts. */
function refusal(start: string): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof SweepscopeError, String(error));
    assert.equal(error.code, ErrorCode.BadUserInput);
    assert.deepEqual(error.field, ['dataDir']);
    assert.ok(error.message.startsWith(start), `${error.message}\ndoes not start with\n${start}`);
    assert.ok(error.message.endsWith('root/<class>/*.jpg|png (split by the seed) or root/train/<class> + root/val/<class>.'), error.message);
    return true;
  };
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'list-image-folder-'));
  await touch(
    'classes/tulip/b.JPG',
    'classes/tulip/a.png',
    'classes/Rose/x.webp',
    'classes/daisy/1.jpeg',
    'classes/daisy/deeper/2.gif',
    'classes/daisy/3.bmp',
    'classes/daisy/4.tif',
    'classes/daisy/5.TIFF',
    'classes/daisy/notes.txt',
    'classes/daisy/.hidden.png',
    'classes/.git/objects/pack.png',
    'classes/readme/README.md',
    'split/train/cat/1.png',
    'split/train/cat/2.png',
    'split/train/dog/1.png',
    'split/validation/cat/3.png',
    'split/test/dog/9.png',
    'split/extra/cat/1.png',
    'only-train/train/cat/1.png',
    'only-train/train/dog/1.png',
    'stranger/train/cat/1.png',
    'stranger/val/cat/2.png',
    'stranger/val/zebra/1.png',
    'loose/1.png',
    'loose/2.jpg',
    'no-images/cat/readme.txt',
    'a-file.png',
  );
  await mkdir(join(root, 'empty'));
  await symlink(join(root, 'classes', 'tulip'), join(root, 'linked-class'));
  await mkdir(join(root, 'linked'));
  await symlink(join(root, 'classes', 'tulip'), join(root, 'linked', 'tulip'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listImageFolder', () => {
  test('takes sorted class folders as classes and their image files, in subfolders too', async () => {
    const dir = join(root, 'classes');
    const listing = await listImageFolder(dir);
    // Code-point order, as Python's sorted() gives Keras: capitals first.
    assert.deepEqual(listing.classNames, ['Rose', 'daisy', 'tulip']);
    assert.deepEqual(listing.train, [
      [join(dir, 'Rose/x.webp')],
      ['1.jpeg', '3.bmp', '4.tif', '5.TIFF', 'deeper/2.gif'].map((name) => join(dir, 'daisy', name)),
      [join(dir, 'tulip/a.png'), join(dir, 'tulip/b.JPG')],
    ]);
    assert.equal(listing.val, undefined);
    assert.equal(listing.source, dir);
    assert.deepEqual(listing.ignored, [`${join(dir, 'readme')} (no images)`]);
  });

  test('reads root/train with root/validation as the two splits, lining up the classes', async () => {
    const dir = join(root, 'split');
    const listing = await listImageFolder(dir);
    assert.deepEqual(listing.classNames, ['cat', 'dog']);
    assert.deepEqual(listing.train, [[join(dir, 'train/cat/1.png'), join(dir, 'train/cat/2.png')], [join(dir, 'train/dog/1.png')]]);
    // `validation` is preferred to `test`, and a class may lack validation images.
    assert.deepEqual(listing.val, [[join(dir, 'validation/cat/3.png')], []]);
    assert.equal(listing.source, `${join(dir, 'train')} + ${join(dir, 'validation')}`);
    assert.deepEqual(listing.ignored, [`${join(dir, 'extra')} (neither train nor validation)`, `${join(dir, 'test')} (neither train nor validation)`]);
  });

  test('reads root/train alone as a folder of classes', async () => {
    const listing = await listImageFolder(join(root, 'only-train'));
    assert.deepEqual(listing.classNames, ['cat', 'dog']);
    assert.equal(listing.val, undefined);
    assert.equal(listing.source, join(root, 'only-train', 'train'));
  });

  test('follows symbolic links to class folders', async () => {
    const listing = await listImageFolder(join(root, 'linked'));
    assert.deepEqual(listing.classNames, ['tulip']);
    assert.equal(listing.train[0]?.length, 2);
  });

  test('refuses a validation class with no training folder', async () => {
    const dir = join(root, 'stranger');
    await assert.rejects(
      listImageFolder(dir),
      refusal(
        `dataDir ${dir}: expected every class of ${join(dir, 'val')} to have a folder of images in ${join(dir, 'train')}, got "zebra" only in ${join(dir, 'val')}`,
      ),
    );
  });

  test('refuses a folder that does not exist, or is a file', async () => {
    await assert.rejects(listImageFolder(join(root, 'nowhere')), refusal(`dataDir ${join(root, 'nowhere')} does not exist: expected a folder laid out as`));
    await assert.rejects(listImageFolder(join(root, 'a-file.png')), refusal(`dataDir ${join(root, 'a-file.png')} is not a folder`));
  });

  test('refuses a folder without class folders of images, saying when images lie loose in it', async () => {
    await assert.rejects(listImageFolder(join(root, 'empty')), refusal(`dataDir ${join(root, 'empty')} holds no images in class folders`));
    await assert.rejects(listImageFolder(join(root, 'no-images')), refusal(`dataDir ${join(root, 'no-images')} holds no images in class folders`));
    await assert.rejects(listImageFolder(join(root, 'loose')), refusal(`dataDir ${join(root, 'loose')} holds 2 images but no class folders`));
  });
});
