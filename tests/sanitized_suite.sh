#!/usr/bin/env bash
# The whole test suite again in an AddressSanitizer + UBSan build, the GUI
# monkey test included: any memory error, leak or undefined behaviour fails.
#   sanitized_suite.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
dir=$2
cmake -S "$src" -B "$dir" -DSAHELMAP_SANITIZE=ON -DSAHELMAP_WERROR=ON \
      -DCMAKE_BUILD_TYPE=Debug >"$dir.configure.log" 2>&1 ||
    { cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" -j2 >"$dir.build.log" 2>&1 || { tail -50 "$dir.build.log"; exit 1; }
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
export LSAN_OPTIONS=suppressions=$src/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$dir" --output-on-failure
