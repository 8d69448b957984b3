#!/usr/bin/env bash
# Fetch data files that ship inside Debian packages we do not want to install (they pull heavy deps).
# Idempotent: does nothing when the files are already there. Needs apt-get (download only, no root for
# `apt-get download`; run `apt-get update` first if the package is not found).
#   <cache>/raw/sklearn/digits.csv.gz  ← python3-sklearn: sklearn/datasets/data/digits.csv.gz (UCI optdigits, BSD-3)
# <cache> is $MERGE_TO_MIX_CACHE when set, else the checkout's data/ (the library's cacheDir() rule).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${MERGE_TO_MIX_CACHE:-$root/data}/raw/sklearn"
if [ -s "$dest/digits.csv.gz" ] && [ -s "$dest/VERSION" ] && gzip -t "$dest/digits.csv.gz" 2>/dev/null; then
  echo "debian-data: $dest/digits.csv.gz already present"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && apt-get download python3-sklearn >/dev/null )
deb="$(ls "$tmp"/python3-sklearn_*.deb | head -n 1)"
dpkg-deb -x "$deb" "$tmp/x"
src="$(find "$tmp/x" -path '*sklearn/datasets/data/digits.csv.gz' | head -n 1)"
if [ -z "$src" ]; then echo "debian-data: digits.csv.gz not found in $deb" >&2; exit 1; fi
mkdir -p "$dest"
# Atomic: copy to a temp name in the same folder, then rename.
cp "$src" "$dest/.digits.csv.gz.tmp"
mv -f "$dest/.digits.csv.gz.tmp" "$dest/digits.csv.gz"
# Record which package version the file came from (read by the loader for the manifest).
basename "$deb" .deb | sed -e 's/^python3-sklearn_//' -e 's/_all$//' > "$dest/.version.tmp" && mv -f "$dest/.version.tmp" "$dest/VERSION"
echo "debian-data: wrote $dest/digits.csv.gz ($(basename "$deb"))"
