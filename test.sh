#!/usr/bin/env bash
# Installs what is missing, checks formatting, builds and runs every test with CTest.
#   ./test.sh          the dev build's tests
#   ./test.sh --asan   also the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   ./test.sh --asan-only   only the sanitizer build and its run of the whole suite (what CI runs)
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh
gantry_ensure_packages "${GANTRY_BUILD_PACKAGES[@]}" "${GANTRY_TEST_PACKAGES[@]}"

asan=0
dev=1
for arg in "$@"; do
    case "$arg" in
        --asan) asan=1 ;;
        --asan-only) asan=1; dev=0 ;;
        *) echo "usage: ./test.sh [--asan|--asan-only]" >&2; exit 2 ;;
    esac
done

echo "== formatting (.clang-format, .editorconfig)"
mapfile -t sources < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' | while read -r f; do [ -f "$f" ] && echo "$f"; done)
if [ "${#sources[@]}" -gt 0 ]; then
    clang-format --dry-run --Werror "${sources[@]}"
fi
bad=$(git ls-files -co --exclude-standard -- '*.cpp' '*.h' '*.cmake' 'CMakeLists.txt' '*.sh' '*.yaml' '*.yml' '*.json' '*.md' \
      | while read -r f; do [ -f "$f" ] || continue
          if grep -qP '\t' "$f" && [[ "$f" != *Makefile* ]]; then echo "$f: tab"; fi
          if grep -qP ' +$' "$f" && [[ "$f" != *.md ]]; then echo "$f: trailing whitespace"; fi
          if [ -s "$f" ] && [ "$(tail -c1 "$f" | od -An -tx1 | tr -d " ")" != "0a" ]; then echo "$f: no final newline"; fi
        done)
if [ -n "$bad" ]; then
    echo "$bad" >&2
    echo "error: files break .editorconfig" >&2
    exit 1
fi

run_preset() {
    local preset=$1
    echo "== build ($preset)"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
    echo "== test ($preset)"
    ctest --preset "$preset"
}

if [ "$dev" = 1 ]; then
    run_preset dev
fi
if [ "$asan" = 1 ]; then
    run_preset asan
fi
