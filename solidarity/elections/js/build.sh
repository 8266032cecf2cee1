#!/bin/sh
# Rebuild static/elections/vendor/vote-crypto.js from the npm registry, pinned by package-lock.json:
# @cloudflare/blindrsa-ts and libsodium-wrappers-sumo, bundled by esbuild into one IIFE (no network at run
# time, no inline script). Run from anywhere:  sh solidarity/elections/js/build.sh
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$here/entry.mjs" "$work/"
cd "$work"
npm ci --no-audit --no-fund --ignore-scripts
esbuild="$(find node_modules/@esbuild -path '*/bin/esbuild' | head -n 1)"
"$esbuild" entry.mjs --bundle --format=iife --minify --legal-comments=eof --target=es2020 --platform=browser \
  --outfile="$here/../static/elections/vendor/vote-crypto.js"
echo "built $(wc -c < "$here/../static/elections/vendor/vote-crypto.js") bytes"
