#!/usr/bin/env bash
# One-command setup for a fresh Debian 12 machine (and a no-op re-run on a set-up one):
#   1. Debian packages: Jupyter Notebook 6 + nbconvert/nbclient/ipykernel (notebooks), Chromium (static figures,
#      widget tests), dataset-fashion-mnist and fortunes (real data), redis-server (the fine-tune queue: `run
#      --queue`, `merge-to-mix worker`; the tests start their own on a free port, no service is needed);
#   2. npm ci (only when package-lock.json changed since the last setup);
#   3. the UCI digits file from Debian's python3-sklearn package (extracted, never installed);
#   3b. npm run build (dist/) and the node_modules/merge-to-mix link, so notebooks import the package by name;
#   4. the tslab kernel, registered project-locally under .jupyter/;
#   5. a check that the real datasets prepared from the installed packages match data/manifest.json
#      (every suite and preset rebuilt in memory and hashed; the cache itself fills on first use).
# Set SETUP_SKIP_DATA=1 to skip step 5.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

APT_PACKAGES=(jupyter-core jupyter-client jupyter-nbconvert python3-nbclient jupyter-notebook python3-ipykernel
  chromium fonts-dejavu-core dataset-fashion-mnist fortunes redis-server)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "Debian packages: all ${#APT_PACKAGES[@]} present"
elif [ "$(id -u)" -eq 0 ]; then
  say "Debian packages: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages missing: ${missing[*]}"
  say "run as root:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  say "then run 'npm run setup' again"
  exit 1
fi

stamp=node_modules/.merge-to-mix-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say "npm: node_modules matches package-lock.json"
else
  say "npm: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# The library as its users get it: dist/ (the notebooks import "merge-to-mix", which resolves to the built
# package through node_modules/merge-to-mix → this folder, as it would from an installed copy).
say "build: npm run build (dist/)"
npm run --silent build
ln -sfn .. node_modules/merge-to-mix

bash scripts/debian-data.sh

if [ -f .jupyter/share/jupyter/kernels/tslab/kernel.json ] && grep -q "$PWD/node_modules/.bin/tslab" .jupyter/share/jupyter/kernels/tslab/kernel.json; then
  say "tslab kernel: registered in .jupyter/"
else
  say "tslab kernel: registering in .jupyter/"
  npm run --silent kernel:install >/dev/null
fi

if [ "${SETUP_SKIP_DATA:-0}" != 1 ]; then
  say "data: verifying prepared data against data/manifest.json"
  npx tsx src/cli/main.ts data --verify | tail -1
fi
say "done. Notebooks: JUPYTER_PATH=\"$PWD/.jupyter/share/jupyter\" jupyter notebook notebooks/"
