#!/usr/bin/env bash
# Installs what is missing, builds, and opens Gantry (on the demo workspace the first time).
# Extra arguments go to gantry, e.g. ./run.sh --workspace ~/my-workspace
set -euo pipefail
cd "$(dirname "$0")"
. scripts/deps.sh
gantry_ensure_packages "${GANTRY_BUILD_PACKAGES[@]}"
cmake --preset dev >/dev/null
cmake --build --preset dev --target gantry gantry-kubesim
exec build/dev/bin/gantry "$@"
