#!/usr/bin/env bash
# Publishes the openadr-edge binary for linux-x64 and linux-arm64 into dist/ (one file each, SQLite linked in),
# installing the arm64 cross toolchain when it is missing, and prints their sizes.
# Usage: ./publish.sh [project.csproj] [output-name]   (.ci/run also publishes the NativeAOT payload tester this way)
set -euo pipefail
cd "$(dirname "$0")"
project=${1:-src/OpenAdr.Edge.Host/OpenAdr.Edge.Host.csproj}
name=${2:-openadr-edge}

bash ./scripts/install-prerequisites.sh
if ! dpkg -s libc6-dev:arm64 zlib1g-dev:arm64 libgcc-12-dev:arm64 libsqlite3-dev:arm64 >/dev/null 2>&1 || ! command -v llvm-objcopy >/dev/null 2>&1; then
  echo "installing the linux-arm64 cross toolchain"
  dpkg --add-architecture arm64
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang lld llvm libc6-dev:arm64 zlib1g-dev:arm64 \
    libgcc-12-dev:arm64 libstdc++-12-dev:arm64 libsqlite3-dev:arm64 >/dev/null
fi

mkdir -p dist
for rid in linux-x64 linux-arm64; do
  extra=()
  if [ "$rid" = linux-arm64 ]; then extra=(-p:CppCompilerAndLinker=clang -p:ObjCopyName=llvm-objcopy -p:LinkerFlavor=lld); fi
  out="artifacts/publish/$rid"
  dotnet publish "$project" -c Release -r "$rid" -o "$out" -nologo "${extra[@]}"
  binary=$(sed -n 's:.*<AssemblyName>\(.*\)</AssemblyName>.*:\1:p' "$project")
  cp "$out/${binary:-$(basename "$project" .csproj)}" "dist/$name-$rid"
done

echo
echo "published:"
for rid in linux-x64 linux-arm64; do
  printf '  dist/%s-%s  %s MB\n' "$name" "$rid" "$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "dist/$name-$rid") / 1048576 }")"
done
