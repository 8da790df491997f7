# Shared by run.sh and test.sh: installs the Debian 12 packages Gantry needs, if any are missing.
# shellcheck shell=bash

GANTRY_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libgl-dev
    libyaml-cpp-dev libyaml-dev libgit2-dev libgraphviz-dev libkainjow-mustache-dev qtkeychain-qt6-dev
    libssl-dev
)
GANTRY_TEST_PACKAGES=(xvfb xauth prometheus clang-format fonts-dejavu-core)

gantry_missing_packages() {
    local missing=() p
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    echo "${missing[@]:-}"
}

gantry_ensure_packages() {
    local missing
    missing=$(gantry_missing_packages "$@")
    [ -z "$missing" ] && return 0
    echo "Installing missing Debian packages: $missing"
    local apt=(apt-get)
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            apt=(sudo apt-get)
        else
            echo "error: these Debian packages are missing and I cannot install them (not root, no sudo):" >&2
            echo "  sudo apt-get install $missing" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${apt[@]}" update -qq || true
    # shellcheck disable=SC2086
    if ! "${apt[@]}" install -y -qq --no-install-recommends $missing >/dev/null; then
        echo "error: apt-get could not install: $missing" >&2
        exit 1
    fi
}
