import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const WASM = fileURLToPath(new URL('./training-kernels.wasm', import.meta.url));
const BUILD = fileURLToPath(new URL('./build-training-kernels.sh', import.meta.url));

/** Section ids of a WebAssembly binary, in order (1 type, 2 import, 7 export, 10 code, 11 data, …). */
function sectionIds(bytes: Uint8Array): number[] {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], 'a WebAssembly 1.0 binary');
  const ids: number[] = [];
  let at = 8;
  while (at < bytes.length) {
    ids.push(bytes[at] ?? -1);
    at += 1;
    let size = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at] ?? 0;
      at += 1;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    at += size;
  }
  return ids;
}

/** Whether the compiler the build script uses is installed (`apt-get install clang lld`; CI installs both). */
function hasCompiler(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v clang && command -v wasm-ld'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('training-kernels.wasm', () => {
  test('writes nothing into the memory it imports when instantiated: no data section, the memory imported', () => {
    const bytes = readFileSync(WASM);
    const ids = sectionIds(bytes);
    assert.ok(!ids.includes(11) && !ids.includes(12), `expected no data or data-count section, got sections ${ids.join(', ')}`);
    assert.ok(!ids.includes(5), `expected no memory section of its own, got sections ${ids.join(', ')}`);
    const module = new WebAssembly.Module(bytes);
    assert.deepEqual(WebAssembly.Module.imports(module), [{ module: 'env', name: 'memory', kind: 'memory' }]);
  });

  test(
    'is what its C source builds to, byte for byte',
    { skip: hasCompiler() ? false : 'clang and wasm-ld are not installed (apt-get install clang lld)' },
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'training-kernels-'));
      try {
        const rebuilt = join(folder, 'training-kernels.wasm');
        execFileSync(BUILD, [rebuilt], { stdio: 'pipe' });
        assert.ok(
          readFileSync(rebuilt).equals(readFileSync(WASM)),
          'training-kernels.wasm differs from what training-kernels.c builds to: run build-training-kernels.sh and commit the result',
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
