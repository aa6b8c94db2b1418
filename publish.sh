#!/usr/bin/env bash
# Publishes native-AOT binaries for linux-x64 and linux-arm64 into dist/, installing the arm64 cross toolchain
# when it is missing, and prints their sizes.
#
# Until the openadr-edge host exists, the project published is the NativeAOT payload tester
# (tests/OpenAdr.Edge.AotSmoke): it proves the toolchain, trimming and AOT for both targets.
# Usage: ./publish.sh [project.csproj] [output-name]
set -euo pipefail
cd "$(dirname "$0")"
project=${1:-tests/OpenAdr.Edge.AotSmoke/OpenAdr.Edge.AotSmoke.csproj}
name=${2:-openadr-edge-aot-smoke}

bash ./scripts/install-prerequisites.sh
if ! dpkg -s libc6-dev:arm64 zlib1g-dev:arm64 libgcc-12-dev:arm64 >/dev/null 2>&1 || ! command -v llvm-objcopy >/dev/null 2>&1; then
  echo "installing the linux-arm64 cross toolchain"
  dpkg --add-architecture arm64
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang lld llvm libc6-dev:arm64 zlib1g-dev:arm64 \
    libgcc-12-dev:arm64 libstdc++-12-dev:arm64 >/dev/null
fi

mkdir -p dist
for rid in linux-x64 linux-arm64; do
  extra=()
  if [ "$rid" = linux-arm64 ]; then extra=(-p:CppCompilerAndLinker=clang -p:ObjCopyName=llvm-objcopy -p:LinkerFlavor=lld); fi
  out="artifacts/publish/$rid"
  dotnet publish "$project" -c Release -r "$rid" -o "$out" -nologo "${extra[@]}"
  binary=$(basename "$project" .csproj)
  cp "$out/$binary" "dist/$name-$rid"
done

echo
echo "published:"
for rid in linux-x64 linux-arm64; do
  printf '  dist/%s-%s  %s MB\n' "$name" "$rid" "$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "dist/$name-$rid") / 1048576 }")"
done
