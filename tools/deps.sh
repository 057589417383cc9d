#!/usr/bin/env bash
# Installs the Debian packages sahelmap needs, and only those missing.
# Quiet when everything is there; safe to run again and again.
#   tools/deps.sh          what building and running need
#   tools/deps.sh --test   that, plus what the tests and benchmarks use
set -euo pipefail

packages=(build-essential cmake pkg-config
          libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libcjson-dev libcsv-dev
          libfontconfig-dev libcairo2-dev fonts-dejavu-core libarchive-dev
          libavcodec-dev libavformat-dev libswscale-dev libavutil-dev libgif-dev
          libimagequant-dev)
if [ "${1:-}" = "--test" ]; then
    packages+=(libcmocka-dev xvfb xdotool x11-apps libx11-dev imagemagick valgrind clang
              poppler-utils librsvg2-bin dpkg-dev lintian desktop-file-utils
              shared-mime-info groff-base)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "sahelmap: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "sahelmap: run as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
