#!/usr/bin/env sh
# Builds training-kernels.wasm from training-kernels.c with Debian's clang and lld 14
# (`apt-get install clang lld`). The output is committed, so installs need no compiler;
# the tests rebuild it and fail if the committed file differs from its source.
#
#   build-training-kernels.sh [OUTPUT]   (default: training-kernels.wasm beside this script)
#
# The module imports the tfjs WASM backend's memory, so it must not write anywhere it was
# not asked to: no data segment (-nostdlib, no static data in the source), and a stack of
# size 0 placed first, at address 0, so that any stack use the compiler might introduce
# traps below address 0 instead of overwriting the backend's memory. -mbulk-memory turns
# the zero fills into memory.fill; -ffp-contract=off keeps the arithmetic as written.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
output=${1:-"$here/training-kernels.wasm"}
clang --target=wasm32 -O3 -msimd128 -mbulk-memory -ffp-contract=off -nostdlib -Wall -Wextra -Werror \
  -Wl,--no-entry -Wl,--import-memory -Wl,-z,stack-size=0 -Wl,--stack-first -Wl,--strip-all \
  -o "$output" "$here/training-kernels.c"
