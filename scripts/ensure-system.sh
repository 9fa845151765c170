#!/usr/bin/env bash
# Installs what the tests need from Debian's packages, only when missing: Chromium (driven by
# playwright-core) and CJK fonts so Chinese renders in screenshots; ffmpeg, which makes video
# poster frames (optional at run time, exercised by the tests); unzip, an independent check of
# the archives the app writes.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || missing+=(fonts-noto-cjk)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: chromium, fonts-noto-cjk, ffmpeg, unzip"
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
