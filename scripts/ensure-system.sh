#!/usr/bin/env bash
# Installs what the browser tests need from Debian's packages, only when missing:
# Chromium (driven by playwright-core) and CJK fonts so Chinese renders in screenshots.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: chromium, fonts-noto-cjk"
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
